import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  lt,
  lte,
  type SQL,
  sql,
} from "drizzle-orm";

import { type Db, withTx } from "../client";
import { rowBy } from "../prepared";
import {
  type ReviewReason,
  type WithdrawalRow,
  type WithdrawalStatus,
  withdrawals,
} from "../schema";
import {
  changeAtomically,
  type ChangeOptions,
  type HistoryEntry,
  reviewReasonsOf,
} from "./entity-change";
import { flatRows } from "./flat-rows";
import { type Cursor, keyset, pageByIndexValue, searchCondition, type SearchSpec } from "./keyset";

export type NewWithdrawal = Omit<typeof withdrawals.$inferInsert, "createdAt" | "updatedAt">;
export type WithdrawalChange = Partial<Omit<WithdrawalRow, "platformOrderId" | "createdAt">>;

/** What the domain decided, given the withdrawal as we hold it (or nothing yet). */
export type WithdrawalPlan = {
  result: string;
  insert?: NewWithdrawal;
  update?: WithdrawalChange;
  history?: HistoryEntry[];
};

export async function getWithdrawal(
  db: Db,
  platformOrderId: string,
): Promise<WithdrawalRow | undefined> {
  return rowBy(db, withdrawals, withdrawals.platformOrderId, platformOrderId);
}

/** The newest withdrawal we hold under the merchant's own order id (the look-up). */
export async function findWithdrawalByMerchantOrderId(
  db: Db,
  merchantOrderId: string,
): Promise<WithdrawalRow | undefined> {
  const [row] = await db
    .select()
    .from(withdrawals)
    .where(eq(withdrawals.merchantOrderId, merchantOrderId))
    .orderBy(desc(withdrawals.orderedAt))
    .limit(1);
  return row;
}

/** The search box: ids and account numbers by prefix, account digits and names by fragment. */
export const WITHDRAWAL_SEARCH: SearchSpec = {
  table: withdrawals,
  prefix: [
    withdrawals.platformOrderId,
    withdrawals.merchantOrderId,
    withdrawals.accountNo,
    withdrawals.accountName,
  ],
  fragment: {
    fts: "withdrawals_search",
    columns: [
      withdrawals.platformOrderId,
      withdrawals.merchantOrderId,
      withdrawals.accountNo,
      withdrawals.accountName,
    ],
  },
};

/** Upserts one withdrawal through `changeAtomically` (event de-duplication, history). */
export async function changeWithdrawalAtomically(
  db: Db,
  platformOrderId: string,
  plan: (current: WithdrawalRow | undefined) => WithdrawalPlan,
  options: ChangeOptions = {},
): Promise<{ result: string; withdrawal: WithdrawalRow | undefined }> {
  const { result, row } = await changeAtomically(
    db,
    { type: "withdrawal", id: platformOrderId },
    {
      reviewReasons: reviewReasonsOf,
      write: async (tx, current) => {
        const decided = plan(current);
        let next = current;
        if (!current && decided.insert)
          [next] = await tx.insert(withdrawals).values(decided.insert).returning();
        else if (current && decided.update && Object.keys(decided.update).length > 0) {
          [next] = await tx
            .update(withdrawals)
            .set({ ...decided.update, updatedAt: new Date() })
            .where(eq(withdrawals.platformOrderId, platformOrderId))
            .returning();
        }
        return { result: decided.result, row: next, history: decided.history ?? [] };
      },
    },
    options,
  );
  return { result, withdrawal: row };
}

export type WithdrawalSort = "ordered_desc" | "ordered_asc" | "updated_desc";

export type WithdrawalFilter = {
  statuses?: WithdrawalStatus[];
  from?: Date;
  to?: Date;
  bank?: string;
  minSatang?: number;
  maxSatang?: number;
  q?: string;
  needsReview?: boolean;
  reviewReason?: ReviewReason;
};

async function filterConditions(db: Db, filter: WithdrawalFilter): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (filter.statuses?.length === 1 && filter.statuses[0])
    conditions.push(eq(withdrawals.status, filter.statuses[0]));
  else if (filter.statuses && filter.statuses.length > 1)
    conditions.push(inArray(withdrawals.status, filter.statuses));
  if (filter.from) conditions.push(gte(withdrawals.orderedAt, filter.from));
  if (filter.to) conditions.push(lt(withdrawals.orderedAt, filter.to));
  if (filter.bank) conditions.push(eq(withdrawals.bank, filter.bank));
  if (filter.minSatang !== undefined)
    conditions.push(gte(withdrawals.amountSatang, filter.minSatang));
  if (filter.maxSatang !== undefined)
    conditions.push(lte(withdrawals.amountSatang, filter.maxSatang));
  if (filter.needsReview) conditions.push(sql`${withdrawals.needsReview} is not null`);
  if (filter.reviewReason) conditions.push(eq(withdrawals.needsReview, filter.reviewReason));
  const q = filter.q?.trim();
  if (q) conditions.push(await searchCondition(db, WITHDRAWAL_SEARCH, q));
  return conditions;
}

export function withdrawalCursorOf(row: WithdrawalRow, sort: WithdrawalSort): Cursor {
  return {
    t: (sort === "updated_desc" ? row.updatedAt : row.orderedAt).getTime(),
    id: row.platformOrderId,
  };
}

/** A list row is the whole order (the lists mask what they show of it). */
const LIST_FIELDS = getTableColumns(withdrawals);

type WithdrawalListOptions = { sort: WithdrawalSort; cursor?: Cursor; limit: number };

/** One keyset page; several statuses (or any review reason) walk one index each and merge. */
export async function listWithdrawals(
  db: Db,
  filter: WithdrawalFilter,
  options: WithdrawalListOptions,
): Promise<WithdrawalRow[]> {
  return pageByIndexValue(filter, (f) => listWithdrawalsOnce(db, f, options), {
    key: (r) => withdrawalCursorOf(r, options.sort),
    ascending: options.sort === "ordered_asc",
    limit: options.limit,
  });
}

async function listWithdrawalsOnce(
  db: Db,
  filter: WithdrawalFilter,
  options: WithdrawalListOptions,
): Promise<WithdrawalRow[]> {
  const conditions = await filterConditions(db, filter);
  const time = options.sort === "updated_desc" ? withdrawals.updatedAt : withdrawals.orderedAt;
  const { after, orderBy } = keyset(
    time,
    withdrawals.platformOrderId,
    options.sort === "ordered_asc",
    options.cursor,
  );
  if (after) conditions.push(after);
  const query = db
    .select(LIST_FIELDS)
    .from(withdrawals)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...orderBy)
    .limit(options.limit);
  return flatRows(db, LIST_FIELDS, query);
}

export async function listDueWithdrawals(
  db: Db,
  now: Date,
  limit: number,
): Promise<WithdrawalRow[]> {
  return db
    .select()
    .from(withdrawals)
    .where(lte(withdrawals.nextCheckAt, now))
    .orderBy(asc(withdrawals.nextCheckAt))
    .limit(limit);
}

export async function scheduleWithdrawalCheck(
  db: Db,
  id: string,
  attempts: number,
  next: Date | null,
): Promise<void> {
  await withTx(db, (tx) =>
    tx
      .update(withdrawals)
      .set({ reconcileAttempts: attempts, nextCheckAt: next })
      .where(and(eq(withdrawals.platformOrderId, id), eq(withdrawals.status, "open"))),
  );
}
