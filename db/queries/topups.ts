import { and, asc, eq, gte, inArray, lt, lte, type SQL, sql } from "drizzle-orm";

import { type Db, type Tx, withTx } from "../client";
import { rowBy } from "../prepared";
import { type LocalizedText, TOPUP_OPEN_STATUSES } from "../enums";
import {
  type ReviewReason,
  packages,
  statusHistory,
  type TopupRow,
  type TopupStatus,
  topups,
  users,
} from "../schema";
import {
  changeAtomically,
  type ChangeOptions,
  type HistoryEntry,
  reviewReasonsOf,
} from "./entity-change";
import { cancelPendingApprovalsIn } from "./approvals";
import { flatRows } from "./flat-rows";
import { type Cursor, keyset, pageByIndexValue, searchCondition } from "./keyset";
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
  /** Written in the same transaction when the order is new (a re-issue closes its item). */
  withInsert?: (tx: Tx, inserted: TopupRow) => Promise<void>,
): Promise<{ topup: TopupRow; created: boolean }> {
  return withTx(db, async (tx) => {
    const [inserted] = await tx
      .insert(topups)
      .values(topup)
      .onConflictDoNothing({ target: [topups.createdBy, topups.idempotencyKey] })
      .returning();
    if (inserted) {
      await tx
        .insert(statusHistory)
        .values({ ...history, entityType: "topup", entityId: inserted.refId });
      await withInsert?.(tx, inserted);
      return { topup: inserted, created: true };
    }
    const [existing] = await tx
      .select()
      .from(topups)
      .where(
        and(eq(topups.createdBy, topup.createdBy), eq(topups.idempotencyKey, topup.idempotencyKey)),
      );
    if (!existing) throw new Error("idempotency conflict without an existing row");
    return { topup: existing, created: false };
  });
}

export async function getTopup(db: Db, refId: string): Promise<TopupRow | undefined> {
  return rowBy(db, topups, topups.refId, refId);
}

export async function getTopupByOrderId(db: Db, orderId: string): Promise<TopupRow | undefined> {
  return rowBy(db, topups, topups.orderId, orderId);
}

export type TopupChange = Partial<
  Omit<TopupRow, "refId" | "createdAt" | "createdBy" | "idempotencyKey">
>;

/** What the domain decided to do with an order, given the order as it is now. */
export type TopupPlan = {
  result: string;
  update?: TopupChange;
  history?: HistoryEntry[];
};

/** Reads the order, lets `plan` decide, and writes it through `changeAtomically`. */
export async function changeTopupAtomically(
  db: Db,
  refId: string,
  plan: (current: TopupRow) => TopupPlan,
  options: ChangeOptions = {},
): Promise<{ result: string; topup: TopupRow } | null> {
  const { result, row } = await changeAtomically(
    db,
    { type: "topup", id: refId },
    {
      reviewReasons: reviewReasonsOf,
      write: async (tx, current) => {
        if (!current) return { result: "missing", row: undefined, history: [] };
        const decided = plan(current);
        if (decided.history?.some((h) => h.toStatus === "succeeded")) {
          // Delivered after all: a re-issue still waiting for approval would deliver twice.
          await cancelPendingApprovalsIn(tx, refId, "late_success");
        }
        const [changed] =
          decided.update && Object.keys(decided.update).length > 0
            ? await tx
                .update(topups)
                .set({ ...decided.update, updatedAt: new Date() })
                .where(eq(topups.refId, refId))
                .returning()
            : [];
        return { result: decided.result, row: changed ?? current, history: decided.history ?? [] };
      },
    },
    options,
  );
  return row ? { result, topup: row } : null;
}

export type TopupSort = "created_desc" | "created_asc" | "updated_desc";

export type TopupFilter = {
  statuses?: TopupStatus[];
  from?: Date;
  to?: Date;
  packageId?: string;
  /** The upstream's failure reason, exactly (the overview's failures by reason). */
  reason?: string;
  createdBy?: number;
  q?: string;
  needsReview?: boolean;
  reviewReason?: ReviewReason;
};

type TopupListOptions = { sort: TopupSort; cursor?: Cursor; limit: number };

/** What a list row shows (and its export and cursor need): the order, its creator, its package. */
const LIST_FIELDS = {
  refId: topups.refId,
  orderId: topups.orderId,
  packageId: topups.packageId,
  topupInfo: topups.topupInfo,
  gameId: topups.gameId,
  status: topups.status,
  reason: topups.reason,
  priceSatang: topups.priceSatang,
  reissueOf: topups.reissueOf,
  needsReview: topups.needsReview,
  createdAt: topups.createdAt,
  updatedAt: topups.updatedAt,
  completedAt: topups.completedAt,
  createdByEmail: users.email,
  createdByName: users.name,
  game: packages.game,
  packageName: packages.name,
};

export type TopupListRow = Pick<
  TopupRow,
  | "refId"
  | "orderId"
  | "packageId"
  | "topupInfo"
  | "gameId"
  | "status"
  | "reason"
  | "priceSatang"
  | "reissueOf"
  | "needsReview"
  | "createdAt"
  | "updatedAt"
  | "completedAt"
> & {
  createdByEmail: string | null;
  createdByName: string | null;
  game: string | null;
  packageName: LocalizedText | null;
};

async function filterConditions(db: Db, filter: TopupFilter): Promise<SQL[]> {
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
  if (filter.reason) conditions.push(eq(topups.reason, filter.reason));
  if (filter.createdBy !== undefined) conditions.push(eq(topups.createdBy, filter.createdBy));
  if (filter.needsReview) conditions.push(sql`${topups.needsReview} is not null`);
  if (filter.reviewReason) conditions.push(eq(topups.needsReview, filter.reviewReason));
  const q = filter.q?.trim();
  if (q)
    conditions.push(
      await searchCondition(
        db,
        {
          table: topups,
          prefix: [topups.refId, topups.orderId, topups.gameId],
          fragment: {
            fts: "topups_search",
            columns: [topups.refId, topups.orderId, topups.gameId],
          },
        },
        q,
      ),
    );
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
  options: TopupListOptions,
): Promise<TopupListRow[]> {
  return pageByIndexValue(filter, (f) => listTopupsOnce(db, f, options), {
    key: (r) => topupCursorOf(r, options.sort),
    ascending: options.sort === "created_asc",
    limit: options.limit,
  });
}

async function listTopupsOnce(
  db: Db,
  filter: TopupFilter,
  options: TopupListOptions,
): Promise<TopupListRow[]> {
  const conditions = await filterConditions(db, filter);
  const time = options.sort === "updated_desc" ? topups.updatedAt : topups.createdAt;
  const { after, orderBy: order } = keyset(
    time,
    topups.refId,
    options.sort === "created_asc",
    options.cursor,
  );
  if (after) conditions.push(after);
  const query = db
    .select(LIST_FIELDS)
    .from(topups)
    .leftJoin(users, eq(users.id, topups.createdBy))
    .leftJoin(packages, eq(packages.packageId, topups.packageId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...order)
    .limit(options.limit);
  return flatRows(db, LIST_FIELDS, query);
}

/**
 * The newest top-up of this package for this player since `since` that has not failed,
 * other than the one an idempotency key of this creator names (the same order sent again):
 * a second top-up would charge twice. Walks topups_game_id_idx.
 */
export async function latestTopupFor(
  db: Db,
  match: {
    packageId: string;
    gameId: string;
    since: Date;
    other: { createdBy: number; key?: string };
  },
): Promise<
  { refId: string; status: TopupStatus; createdAt: Date; createdByName: string | null } | undefined
> {
  const [row] = await db
    .select({
      refId: topups.refId,
      status: topups.status,
      createdAt: topups.createdAt,
      createdByName: users.name,
    })
    .from(topups)
    .leftJoin(users, eq(users.id, topups.createdBy))
    .where(
      and(
        eq(topups.gameId, match.gameId),
        eq(topups.packageId, match.packageId),
        gte(topups.createdAt, match.since),
        sql`${topups.status} <> 'failed'`,
        match.other.key
          ? sql`not (${topups.createdBy} = ${match.other.createdBy} and ${topups.idempotencyKey} = ${match.other.key})`
          : undefined,
      ),
    )
    .orderBy(sql`${topups.createdAt} desc`)
    .limit(1);
  return row;
}

export function topupCursorOf(
  row: Pick<TopupRow, "refId" | "createdAt" | "updatedAt">,
  sort: TopupSort,
): Cursor {
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
  await withTx(db, (tx) =>
    tx
      .update(topups)
      .set({ reconcileAttempts: attempts, nextCheckAt: next })
      .where(and(eq(topups.refId, refId), inArray(topups.status, TOPUP_OPEN_STATUSES))),
  );
}
