import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { Db, Tx } from "../client";
import { type ApprovalRow, approvals, reviewItems, statusHistory, topups, users } from "../schema";

/** A new request; `null` when this order already has a pending one (the partial UNIQUE index). */
export function insertApprovalIn(
  tx: Tx,
  approval: { refId: string; requestedBy: number; requestNote: string; idempotencyKey: string },
): ApprovalRow | null {
  return tx.insert(approvals).values(approval).onConflictDoNothing().returning().get() ?? null;
}

export function getApprovalIn(tx: Tx | Db, id: number): ApprovalRow | undefined {
  return tx.select().from(approvals).where(eq(approvals.id, id)).get();
}

/** The request a person already made under this key (a retried request). */
export function approvalByKeyIn(
  tx: Tx | Db,
  requestedBy: number,
  idempotencyKey: string,
): ApprovalRow | undefined {
  return tx
    .select()
    .from(approvals)
    .where(
      and(eq(approvals.requestedBy, requestedBy), eq(approvals.idempotencyKey, idempotencyKey)),
    )
    .get();
}

/** Decides a pending request; `null` when it was no longer pending (someone decided first). */
export function decideApprovalIn(
  tx: Tx,
  id: number,
  decision: Pick<ApprovalRow, "status" | "note"> &
    Partial<Pick<ApprovalRow, "decidedBy" | "reissueRefId">>,
): ApprovalRow | null {
  return (
    tx
      .update(approvals)
      .set({ ...decision, decidedAt: new Date() })
      .where(and(eq(approvals.id, id), eq(approvals.status, "pending")))
      .returning()
      .get() ?? null
  );
}

/**
 * The upstream reported the old order succeeded after all: a re-issue waiting for approval
 * would deliver twice, so it is cancelled in the same transaction as the report.
 */
export function cancelPendingApprovalsIn(tx: Tx, refId: string, why: string): void {
  tx.update(approvals)
    .set({ status: "cancelled", note: why, decidedAt: new Date() })
    .where(and(eq(approvals.refId, refId), eq(approvals.status, "pending")))
    .run();
}

/**
 * Why a failed top-up may not be re-issued now, read inside the transaction that would do it
 * (`except` is the re-issue being inserted by that transaction); null when it may.
 */
export function reissueBlockerIn(
  tx: Tx | Db,
  refId: string,
  except: { reissueRefId?: string; approvalId?: number } = {},
) {
  const order = tx.select().from(topups).where(eq(topups.refId, refId)).get();
  if (!order) return "missing" as const;
  if (order.status !== "failed") return "not_failed" as const;
  if (order.needsReview === "conflict") return "conflict" as const;
  const reissue = tx
    .select({ refId: topups.refId })
    .from(topups)
    .where(
      and(
        eq(topups.reissueOf, refId),
        except.reissueRefId ? ne(topups.refId, except.reissueRefId) : undefined,
      ),
    )
    .get();
  if (reissue) return "reissued" as const;
  const pending = tx
    .select({ id: approvals.id })
    .from(approvals)
    .where(
      and(
        eq(approvals.refId, refId),
        eq(approvals.status, "pending"),
        except.approvalId ? ne(approvals.id, except.approvalId) : undefined,
      ),
    )
    .get();
  if (pending) return "pending_approval" as const;
  const refunded = tx
    .select({ id: reviewItems.id })
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.kind, "topup"),
        eq(reviewItems.entityId, refId),
        eq(reviewItems.outcome, "refunded"),
      ),
    )
    .get();
  return refunded ? ("refunded" as const) : null;
}

/** The order that re-issues this one, if any ("re-issued as"). */
export async function reissueOf(db: Db, refId: string): Promise<string | null> {
  const row = await db
    .select({ refId: topups.refId })
    .from(topups)
    .where(eq(topups.reissueOf, refId))
    .get();
  return row?.refId ?? null;
}

/** A history note on the old order: re-issued as the new one, by whom, why. */
export function recordReissueIn(
  tx: Tx,
  old: { refId: string; status: string },
  by: { actor: string; details: Record<string, unknown> },
): void {
  tx.insert(statusHistory)
    .values({
      entityType: "topup",
      entityId: old.refId,
      fromStatus: old.status,
      toStatus: old.status,
      kind: "reissue",
      source: "person",
      actor: by.actor,
      details: by.details,
    })
    .run();
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

export type ApprovalListRow = Awaited<
  ReturnType<ReturnType<typeof selectApprovals>["all"]>
>[number];

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
