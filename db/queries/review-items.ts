import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  min,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { Db, Tx } from "../client";
import { type EntityKind, REVIEW_ITEM_REASONS, type ReviewItemReason } from "../enums";
import { reviewItems, type ReviewItemRow, topups, users, withdrawals } from "../schema";

/**
 * Keeps an order's open review items in step with a change, inside its transaction: a
 * reason the order now has and did not have opens an item (never a second open one: the
 * partial unique index); a reason it no longer has closes the open item as settled by the
 * system (e.g. P2W's callback resolved an unknown outcome before anyone decided).
 */
export async function syncReviewItemsIn(
  tx: Tx,
  entity: { kind: EntityKind; id: string },
  before: readonly ReviewItemReason[],
  after: readonly ReviewItemReason[],
  detail: Record<string, unknown> | null,
): Promise<void> {
  const opened = after.filter((r) => !before.includes(r));
  const settled = before.filter((r) => !after.includes(r));
  for (const reason of opened) {
    await tx
      .insert(reviewItems)
      .values({ kind: entity.kind, entityId: entity.id, reason, detail })
      .onConflictDoNothing();
  }
  if (settled.length > 0) {
    await tx
      .update(reviewItems)
      .set({ resolvedAt: new Date(), outcome: "settled_by_upstream" })
      .where(
        and(
          eq(reviewItems.kind, entity.kind),
          eq(reviewItems.entityId, entity.id),
          inArray(reviewItems.reason, settled),
          isNull(reviewItems.resolvedAt),
        ),
      );
  }
}

export async function getReviewItemIn(tx: Tx | Db, id: number): Promise<ReviewItemRow | undefined> {
  const [row] = await tx.select().from(reviewItems).where(eq(reviewItems.id, id));
  return row;
}

/** Writes a claim, a release or a decision; `where` keeps it to the item as it was read. */
export async function updateReviewItemIn(
  tx: Tx,
  id: number,
  change: Partial<Omit<ReviewItemRow, "id" | "kind" | "entityId" | "reason">>,
): Promise<ReviewItemRow> {
  const [row] = await tx.update(reviewItems).set(change).where(eq(reviewItems.id, id)).returning();
  if (!row) throw new Error(`review item ${id} vanished inside its transaction`);
  return row;
}

/** The open item of an order for one reason, if any. */
export async function openItemOfIn(
  tx: Tx | Db,
  kind: EntityKind,
  entityId: string,
  reason: ReviewItemReason,
): Promise<ReviewItemRow | undefined> {
  const [row] = await tx
    .select()
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.kind, kind),
        eq(reviewItems.entityId, entityId),
        eq(reviewItems.reason, reason),
        isNull(reviewItems.resolvedAt),
      ),
    );
  return row;
}

/** Every item an order ever had, newest first (the detail page's review panel). */
export async function reviewItemsOf(
  db: Db,
  kind: EntityKind,
  entityId: string,
): Promise<ReviewListRow[]> {
  return selectListRows(db)
    .where(and(eq(reviewItems.kind, kind), eq(reviewItems.entityId, entityId)))
    .orderBy(desc(reviewItems.id));
}

export type ReviewFilter = {
  kind?: EntityKind;
  reason?: ReviewItemReason;
  /** Held by this person (`me`), by no one (`none`), or anyone. */
  claimed: { by: "me"; personId: number } | { by: "none" } | { by: "any" };
  resolved: boolean;
};

/** Open items: oldest first on (openedAt, id). Resolved ones: latest decision first. */
export type ReviewCursor = { t: number; id: number };

const claimer = alias(users, "claimer");
const resolver = alias(users, "resolver");

function selectListRows(db: Db) {
  return db
    .select({
      item: reviewItems,
      claimedByName: claimer.name,
      resolvedByName: resolver.name,
      topup: {
        status: topups.status,
        priceSatang: topups.priceSatang,
        packageId: topups.packageId,
        reason: topups.reason,
        attempts: topups.reconcileAttempts,
      },
      withdrawal: {
        status: withdrawals.status,
        amountSatang: withdrawals.amountSatang,
        bank: withdrawals.bank,
        attempts: withdrawals.reconcileAttempts,
      },
    })
    .from(reviewItems)
    .leftJoin(claimer, eq(claimer.id, reviewItems.claimedBy))
    .leftJoin(resolver, eq(resolver.id, reviewItems.resolvedBy))
    .leftJoin(topups, and(eq(reviewItems.kind, "topup"), eq(topups.refId, reviewItems.entityId)))
    .leftJoin(
      withdrawals,
      and(
        eq(reviewItems.kind, "withdrawal"),
        eq(withdrawals.platformOrderId, reviewItems.entityId),
      ),
    );
}

export type ReviewListRow = Awaited<ReturnType<ReturnType<typeof selectListRows>["all"]>>[number];

function conditionsOf(filter: Omit<ReviewFilter, "reason">): SQL[] {
  const conditions: SQL[] = [
    filter.resolved ? isNotNull(reviewItems.resolvedAt) : isNull(reviewItems.resolvedAt),
  ];
  if (filter.kind) conditions.push(eq(reviewItems.kind, filter.kind));
  if (filter.claimed.by === "me")
    conditions.push(eq(reviewItems.claimedBy, filter.claimed.personId));
  if (filter.claimed.by === "none") conditions.push(isNull(reviewItems.claimedBy));
  return conditions;
}

/**
 * One page of the queue, keyset-paginated: open items walk the queue index (resolvedAt null,
 * reason, openedAt, id) oldest first; resolved ones the latest decisions first.
 */
export async function listReviewItems(
  db: Db,
  filter: ReviewFilter,
  page: { cursor?: ReviewCursor; limit: number },
): Promise<ReviewListRow[]> {
  if (filter.reason || filter.resolved) return listReviewItemsOnce(db, filter, page);
  // Every reason: one walk of the queue index per reason, merged, instead of letting SQLite
  // collect and sort every open item.
  const parts = await Promise.all(
    REVIEW_ITEM_REASONS.map((reason) => listReviewItemsOnce(db, { ...filter, reason }, page)),
  );
  return parts
    .flat()
    .sort((a, b) => a.item.openedAt.getTime() - b.item.openedAt.getTime() || a.item.id - b.item.id)
    .slice(0, page.limit);
}

async function listReviewItemsOnce(
  db: Db,
  filter: ReviewFilter,
  page: { cursor?: ReviewCursor; limit: number },
): Promise<ReviewListRow[]> {
  const conditions = conditionsOf(filter);
  if (filter.reason) conditions.push(eq(reviewItems.reason, filter.reason));
  const time = filter.resolved ? reviewItems.resolvedAt : reviewItems.openedAt;
  if (page.cursor) {
    const { id } = page.cursor;
    const t = new Date(page.cursor.t);
    const past = filter.resolved ? lt : gt;
    conditions.push(or(past(time, t), and(eq(time, t), past(reviewItems.id, id))) as SQL);
  }
  const order = filter.resolved
    ? [desc(time), desc(reviewItems.id)]
    : [asc(time), asc(reviewItems.id)];
  return selectListRows(db)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(page.limit);
}

/** Open (or resolved) items per reason under the same kind and claim filters: the tabs. */
export async function countReviewItems(
  db: Db,
  filter: Omit<ReviewFilter, "reason">,
): Promise<Partial<Record<ReviewItemReason, number>>> {
  const rows = await db
    .select({ reason: reviewItems.reason, n: sql<number>`count(*)` })
    .from(reviewItems)
    .where(and(...conditionsOf(filter)))
    .groupBy(reviewItems.reason);
  return Object.fromEntries(rows.map((r) => [r.reason, r.n]));
}

/** How many items wait for a decision (the navigation's badge). */
export async function countOpenReviewItems(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(reviewItems)
    .where(isNull(reviewItems.resolvedAt));
  return row?.n ?? 0;
}

/** One item as the queue lists it (names and order figures joined). */
export async function reviewItemRow(db: Db, id: number): Promise<ReviewListRow | undefined> {
  const [row] = await selectListRows(db).where(eq(reviewItems.id, id));
  return row;
}

/** The open items opened before `before` (past the SLA): how many, and the oldest's opening. */
export async function overdueReviewItems(
  db: Db,
  before: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`, oldest: min(reviewItems.openedAt) })
    .from(reviewItems)
    .where(and(isNull(reviewItems.resolvedAt), lt(reviewItems.openedAt, before)));
  return { count: row?.n ?? 0, oldest: row?.oldest ?? null };
}

/** Items opened, and decided by a person, in [from, to); and those past the SLA at `to`. */
export async function reviewDay(
  db: Db,
  from: Date,
  to: Date,
  slaHours: number,
): Promise<{ opened: number; decided: number; overdue: number }> {
  const count = async (where: SQL | undefined) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)` })
      .from(reviewItems)
      .where(where);
    return row?.n ?? 0;
  };
  const slaStart = new Date(to.getTime() - slaHours * 3_600_000);
  return {
    opened: await count(and(gte(reviewItems.openedAt, from), lt(reviewItems.openedAt, to))),
    decided: await count(
      and(
        isNotNull(reviewItems.resolvedBy),
        gte(reviewItems.resolvedAt, from),
        lt(reviewItems.resolvedAt, to),
      ),
    ),
    overdue: await count(
      and(
        lt(reviewItems.openedAt, slaStart),
        or(isNull(reviewItems.resolvedAt), gte(reviewItems.resolvedAt, to)),
      ),
    ),
  };
}
