import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { Db, Tx } from "../client";
import { type ApprovalRow, approvals, reviewItems, statusHistory, topups, users } from "../schema";

/** A new request; `null` when this order already has a pending one (the partial UNIQUE index). */
export async function insertApprovalIn(
  tx: Tx,
  approval: { refId: string; requestedBy: number; requestNote: string; idempotencyKey: string },
): Promise<ApprovalRow | null> {
  const [row] = await tx.insert(approvals).values(approval).onConflictDoNothing().returning();
  return row ?? null;
}

export async function getApprovalIn(tx: Db, id: number): Promise<ApprovalRow | undefined> {
  const [row] = await tx.select().from(approvals).where(eq(approvals.id, id));
  return row;
}

/** The request a person already made under this key (a retried request). */
export async function approvalByKeyIn(
  tx: Db,
  requestedBy: number,
  idempotencyKey: string,
): Promise<ApprovalRow | undefined> {
  const [row] = await tx
    .select()
    .from(approvals)
    .where(
      and(eq(approvals.requestedBy, requestedBy), eq(approvals.idempotencyKey, idempotencyKey)),
    );
  return row;
}

/** Decides a pending request; `null` when it was no longer pending (someone decided first). */
export async function decideApprovalIn(
  tx: Tx,
  id: number,
  decision: Pick<ApprovalRow, "status" | "note"> &
    Partial<Pick<ApprovalRow, "decidedBy" | "reissueRefId">>,
): Promise<ApprovalRow | null> {
  const [row] = await tx
    .update(approvals)
    .set({ ...decision, decidedAt: new Date() })
    .where(and(eq(approvals.id, id), eq(approvals.status, "pending")))
    .returning();
  return row ?? null;
}

/**
 * The upstream reported the old order succeeded after all: a re-issue waiting for approval
 * would deliver twice, so it is cancelled in the same transaction as the report.
 */
export async function cancelPendingApprovalsIn(tx: Tx, refId: string, why: string): Promise<void> {
  await tx
    .update(approvals)
    .set({ status: "cancelled", note: why, decidedAt: new Date() })
    .where(and(eq(approvals.refId, refId), eq(approvals.status, "pending")));
}

/**
 * Why a failed top-up may not be re-issued now, read inside the transaction that would do it
 * (`except` is the re-issue being inserted by that transaction); null when it may.
 */
export async function reissueBlockerIn(
  tx: Db,
  refId: string,
  except: { reissueRefId?: string; approvalId?: number } = {},
) {
  const [order] = await tx.select().from(topups).where(eq(topups.refId, refId));
  if (!order) return "missing" as const;
  if (order.status !== "failed") return "not_failed" as const;
  if (order.needsReview === "conflict") return "conflict" as const;
  const [reissue] = await tx
    .select({ refId: topups.refId })
    .from(topups)
    .where(
      and(
        eq(topups.reissueOf, refId),
        except.reissueRefId ? ne(topups.refId, except.reissueRefId) : undefined,
      ),
    )
    .limit(1);
  if (reissue) return "reissued" as const;
  const [pending] = await tx
    .select({ id: approvals.id })
    .from(approvals)
    .where(
      and(
        eq(approvals.refId, refId),
        eq(approvals.status, "pending"),
        except.approvalId ? ne(approvals.id, except.approvalId) : undefined,
      ),
    )
    .limit(1);
  if (pending) return "pending_approval" as const;
  const [refunded] = await tx
    .select({ id: reviewItems.id })
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.kind, "topup"),
        eq(reviewItems.entityId, refId),
        eq(reviewItems.outcome, "refunded"),
      ),
    )
    .limit(1);
  return refunded ? ("refunded" as const) : null;
}

/** The order that re-issues this one, if any ("re-issued as"). */
export async function reissueOf(db: Db, refId: string): Promise<string | null> {
  const [row] = await db
    .select({ refId: topups.refId })
    .from(topups)
    .where(eq(topups.reissueOf, refId))
    .limit(1);
  return row?.refId ?? null;
}

/** A history note on the old order: re-issued as the new one, by whom, why. */
export async function recordReissueIn(
  tx: Tx,
  old: { refId: string; status: string },
  by: { actor: string; details: Record<string, unknown> },
): Promise<void> {
  await tx.insert(statusHistory).values({
    entityType: "topup",
    entityId: old.refId,
    fromStatus: old.status,
    toStatus: old.status,
    kind: "reissue",
    source: "person",
    actor: by.actor,
    details: by.details,
  });
}

const requester = alias(users, "requester");
const decider = alias(users, "decider");

export function selectApprovals(db: Db) {
  return db
    .select({
      approval: approvals,
      requestedByName: requester.name,
      decidedByName: decider.name,
      priceSatang: topups.priceSatang,
      packageId: topups.packageId,
    })
    .from(approvals)
    .innerJoin(requester, eq(requester.id, approvals.requestedBy))
    .leftJoin(decider, eq(decider.id, approvals.decidedBy))
    .innerJoin(topups, eq(topups.refId, approvals.refId));
}

export type ApprovalListRow = Awaited<ReturnType<typeof selectApprovals>>[number];

/** Requests waiting for a second person, oldest first: the top of the queue. */
export async function listPendingApprovals(db: Db, limit = 100): Promise<ApprovalListRow[]> {
  return selectApprovals(db)
    .where(eq(approvals.status, "pending"))
    .orderBy(asc(approvals.requestedAt), asc(approvals.id))
    .limit(limit);
}

/** Every request about one order, newest first (its detail page). */
export async function approvalsOf(db: Db, refId: string): Promise<ApprovalListRow[]> {
  return selectApprovals(db).where(eq(approvals.refId, refId)).orderBy(desc(approvals.id));
}

export async function approvalRow(db: Db, id: number): Promise<ApprovalListRow | undefined> {
  const [row] = await selectApprovals(db).where(eq(approvals.id, id));
  return row;
}

export async function countPendingApprovals(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(approvals)
    .where(eq(approvals.status, "pending"));
  return row?.n ?? 0;
}
