import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL, sql } from "drizzle-orm";

import type { Db } from "../client";
import {
  appliedEvents,
  REVIEW_REASONS,
  type ReviewReason,
  callbacks,
  packages,
  statusHistory,
  type TopupRow,
  type TopupStatus,
  topups,
  users,
} from "../schema";
import type { NewHistory } from "./history";

export type NewTopup = Omit<typeof topups.$inferInsert, "updatedAt" | "completedAt">;

/**
 * Inserts a new order with its first history row, unless this creator already used the
 * idempotency key: the UNIQUE index decides, not a check-then-insert, so two concurrent
 * identical submissions cannot both win. Returns the row and whether this call created it.
 */
export async function insertTopupOnce(
  db: Db,
  topup: NewTopup,
  history: Omit<NewHistory, "entityType" | "entityId">,
): Promise<{ topup: TopupRow; created: boolean }> {
  return db.transaction(
    (tx) => {
      const [inserted] = tx
        .insert(topups)
        .values(topup)
        .onConflictDoNothing({ target: [topups.createdBy, topups.idempotencyKey] })
        .returning()
        .all();
      if (inserted) {
        tx.insert(statusHistory)
          .values({ ...history, entityType: "topup", entityId: inserted.refId })
          .run();
        return { topup: inserted, created: true };
      }
      const existing = tx
        .select()
        .from(topups)
        .where(
          and(
            eq(topups.createdBy, topup.createdBy),
            eq(topups.idempotencyKey, topup.idempotencyKey),
          ),
        )
        .get();
      if (!existing) throw new Error("idempotency conflict without an existing row");
      return { topup: existing, created: false };
    },
    { behavior: "immediate" },
  );
}

export async function getTopup(db: Db, refId: string): Promise<TopupRow | undefined> {
  return db.query.topups.findFirst({ where: eq(topups.refId, refId) });
}

export async function getTopupByOrderId(db: Db, orderId: string): Promise<TopupRow | undefined> {
  return db.query.topups.findFirst({ where: eq(topups.orderId, orderId) });
}

export type TopupChange = Partial<
  Omit<TopupRow, "refId" | "createdAt" | "createdBy" | "idempotencyKey">
>;

/** What the domain decided to do with an order, given the order as it is now. */
export type TopupPlan = {
  result: string;
  update?: TopupChange;
  history?: Omit<NewHistory, "entityType" | "entityId">[];
};

/**
 * Reads the order, lets `plan` decide, and writes the change, its history and the
 * callback's result in one transaction. With `eventKey`, an event already applied is
 * recognised by a UNIQUE key in that same transaction and answered `duplicate`.
 */
export async function updateTopupAtomically(
  db: Db,
  refId: string,
  plan: (current: TopupRow) => TopupPlan,
  options: { eventKey?: string; callbackId?: number } = {},
): Promise<{ result: string; topup: TopupRow } | null> {
  return db.transaction(
    (tx) => {
      const current = tx.select().from(topups).where(eq(topups.refId, refId)).get();
      if (!current) return null;
      const markCallback = (result: string, detail: string | null = null) => {
        if (options.callbackId === undefined) return;
        tx.update(callbacks)
          .set({ result, detail, processedAt: new Date() })
          .where(eq(callbacks.id, options.callbackId))
          .run();
      };
      if (options.eventKey) {
        const fresh = tx
          .insert(appliedEvents)
          .values({ key: options.eventKey })
          .onConflictDoNothing()
          .returning()
          .all();
        if (fresh.length === 0) {
          markCallback("duplicate");
          return { result: "duplicate", topup: current };
        }
      }
      const decided = plan(current);
      let row = current;
      if (decided.update && Object.keys(decided.update).length > 0) {
        row =
          tx
            .update(topups)
            .set({ ...decided.update, updatedAt: new Date() })
            .where(eq(topups.refId, refId))
            .returning()
            .get() ?? current;
      }
      for (const entry of decided.history ?? []) {
        tx.insert(statusHistory)
          .values({ ...entry, entityType: "topup", entityId: refId })
          .run();
      }
      markCallback(decided.result);
      return { result: decided.result, topup: row };
    },
    { behavior: "immediate" },
  );
}

export type TopupSort = "created_desc" | "created_asc" | "updated_desc";

export type TopupFilter = {
  statuses?: TopupStatus[];
  from?: Date;
  to?: Date;
  packageId?: string;
  createdBy?: number;
  q?: string;
  needsReview?: boolean;
  reviewReason?: ReviewReason;
};

export type TopupCursor = { t: number; id: string };

export type TopupListRow = TopupRow & { createdByEmail: string | null; game: string | null };

/** Order ids, refIDs and game ids that equal or start with the text (index range scans). */
function searchCondition(q: string): SQL {
  const terms = [...new Set([q, q.toUpperCase()])];
  const parts = terms.flatMap((term) =>
    [topups.refId, topups.orderId, topups.gameId].map(
      (column) =>
        sql`select ${topups.refId} from ${topups} where ${column} >= ${term} and ${column} < ${`${term}\uffff`}`,
    ),
  );
  return sql`${topups.refId} in (select ref_id from (${sql.join(parts, sql` union `)}) limit 1000)`;
}

function filterConditions(filter: TopupFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.statuses && filter.statuses.length > 0) {
    conditions.push(
      filter.statuses.length === 1
        ? eq(topups.status, filter.statuses[0] ?? "pending")
        : inArray(topups.status, filter.statuses),
    );
  }
  if (filter.from) conditions.push(gte(topups.createdAt, filter.from));
  if (filter.to) conditions.push(lt(topups.createdAt, filter.to));
  if (filter.packageId) conditions.push(eq(topups.packageId, filter.packageId));
  if (filter.createdBy !== undefined) conditions.push(eq(topups.createdBy, filter.createdBy));
  if (filter.needsReview) conditions.push(sql`${topups.needsReview} is not null`);
  if (filter.reviewReason) conditions.push(eq(topups.needsReview, filter.reviewReason));
  const q = filter.q?.trim();
  if (q) conditions.push(searchCondition(q));
  return conditions;
}

/**
 * One page of the list, keyset-paginated on (time, refID): every page costs the same.
 * A filter on several values of an indexed column (two statuses, "needs review") runs one
 * index walk per value and merges them, instead of letting SQLite sort every match.
 */
export async function listTopups(
  db: Db,
  filter: TopupFilter,
  options: { sort: TopupSort; cursor?: TopupCursor; limit: number },
): Promise<TopupListRow[]> {
  const fanOut: TopupFilter[] =
    filter.statuses && filter.statuses.length > 1
      ? filter.statuses.map((status) => ({ ...filter, statuses: [status] }))
      : filter.needsReview
        ? REVIEW_REASONS.map((reason) => ({ ...filter, needsReview: false, reviewReason: reason }))
        : [];
  if (fanOut.length === 0) return listTopupsOnce(db, filter, options);
  const parts = await Promise.all(fanOut.map((f) => listTopupsOnce(db, f, options)));
  const key = (r: TopupRow) => cursorOf(r, options.sort);
  const ascending = options.sort === "created_asc";
  return parts
    .flat()
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = x.t - y.t || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
      return ascending ? order : -order;
    })
    .slice(0, options.limit);
}

async function listTopupsOnce(
  db: Db,
  filter: TopupFilter,
  options: { sort: TopupSort; cursor?: TopupCursor; limit: number },
): Promise<TopupListRow[]> {
  const conditions = filterConditions(filter);
  const time = options.sort === "updated_desc" ? topups.updatedAt : topups.createdAt;
  const ascending = options.sort === "created_asc";
  if (options.cursor) {
    conditions.push(
      ascending
        ? sql`(${time}, ${topups.refId}) > (${options.cursor.t}, ${options.cursor.id})`
        : sql`(${time}, ${topups.refId}) < (${options.cursor.t}, ${options.cursor.id})`,
    );
  }
  const order = ascending ? [asc(time), asc(topups.refId)] : [desc(time), desc(topups.refId)];
  const rows = await db
    .select({ topup: topups, createdByEmail: users.email, game: packages.game })
    .from(topups)
    .leftJoin(users, eq(users.id, topups.createdBy))
    .leftJoin(packages, eq(packages.packageId, topups.packageId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...order)
    .limit(options.limit);
  return rows.map((r) => ({ ...r.topup, createdByEmail: r.createdByEmail, game: r.game }));
}

export function cursorOf(row: TopupRow, sort: TopupSort): TopupCursor {
  return { t: (sort === "updated_desc" ? row.updatedAt : row.createdAt).getTime(), id: row.refId };
}

/** Open orders whose next look is due, oldest due first. */
export async function listDueTopups(db: Db, now: Date, limit: number): Promise<TopupRow[]> {
  return db
    .select()
    .from(topups)
    .where(lte(topups.nextCheckAt, now))
    .orderBy(asc(topups.nextCheckAt))
    .limit(limit);
}

/** After a reconciler look at a still-open order: count it and set the next look. */
export async function scheduleTopupCheck(
  db: Db,
  refId: string,
  attempts: number,
  next: Date | null,
): Promise<void> {
  await db
    .update(topups)
    .set({ reconcileAttempts: attempts, nextCheckAt: next })
    .where(
      and(
        eq(topups.refId, refId),
        inArray(topups.status, ["submitting", "unknown", "pending", "processing"]),
      ),
    );
}
