import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";

import type { Db } from "../client";
import {
  balanceSnapshots,
  callbacks,
  refusedCallbackTally,
  topupDurations,
  topupHours,
  topups,
  withdrawalHours,
  withdrawals,
} from "../schema";
import { msBetween, sumOf } from "./portable";

/*
 * The overview's reads. The hourly roll-ups (db/schema-overview.ts) answer everything about
 * a range of days; what depends on the present moment (orders waiting, callbacks of the last
 * hour, the balance) is read from the orders, callbacks and snapshots through their indexes.
 */

export type HourStatusRow = { hour: Date; status: string; count: number; amountSatang: number };

const inHours = (table: typeof topupHours | typeof withdrawalHours, from: Date, to: Date) =>
  and(gte(table.hour, from), lt(table.hour, to));

/** Top-ups created in [from, to) per hour and status (summed in SQLite: few rows come back). */
export async function topupHourStatus(db: Db, from: Date, to: Date): Promise<HourStatusRow[]> {
  return db
    .select({
      hour: topupHours.hour,
      status: topupHours.status,
      count: sql<number>`sum(${topupHours.count})`,
      amountSatang: sql<number>`sum(${topupHours.amountSatang})`,
    })
    .from(topupHours)
    .where(inHours(topupHours, from, to))
    .groupBy(topupHours.hour, topupHours.status)
    .having(sql`sum(${topupHours.count}) > 0`);
}

/** Failed top-ups created in [from, to) per reason and package. */
export async function topupFailures(
  db: Db,
  from: Date,
  to: Date,
): Promise<{ reason: string; packageId: string; count: number }[]> {
  return db
    .select({
      reason: topupHours.reason,
      packageId: topupHours.packageId,
      count: sql<number>`sum(${topupHours.count})`,
    })
    .from(topupHours)
    .where(and(inHours(topupHours, from, to), eq(topupHours.status, "failed")))
    .groupBy(topupHours.reason, topupHours.packageId)
    .having(sql`sum(${topupHours.count}) > 0`);
}

/** How long the final top-ups created in [from, to) took, as counts per duration bucket. */
export async function topupDurationCounts(
  db: Db,
  from: Date,
  to: Date,
): Promise<{ seconds: number; count: number }[]> {
  return db
    .select({ seconds: topupDurations.seconds, count: sql<number>`sum(${topupDurations.count})` })
    .from(topupDurations)
    .where(and(gte(topupDurations.hour, from), lt(topupDurations.hour, to)))
    .groupBy(topupDurations.seconds)
    .having(sql`sum(${topupDurations.count}) > 0`)
    .orderBy(asc(topupDurations.seconds));
}

/**
 * Every non-empty roll-up bucket of withdrawals ordered in [from, to). Summed: on PostgreSQL a
 * bucket is kept in several rows (db/pg/migrations/0001_native.sql), on SQLite in one.
 */
export async function withdrawalHourRows(db: Db, from: Date, to: Date): Promise<HourStatusRow[]> {
  return db
    .select({
      hour: withdrawalHours.hour,
      status: withdrawalHours.status,
      count: sumOf(withdrawalHours.count),
      amountSatang: sumOf(withdrawalHours.amountSatang),
    })
    .from(withdrawalHours)
    .where(inHours(withdrawalHours, from, to))
    .groupBy(withdrawalHours.hour, withdrawalHours.status)
    .having(sql`sum(${withdrawalHours.count}) > 0`);
}

/** Open withdrawals now, whenever they were ordered. */
export async function openWithdrawals(db: Db): Promise<{ count: number; amountSatang: number }> {
  const [row] = await db
    .select({
      count: sql<number>`coalesce(sum(${withdrawalHours.count}), 0)`,
      amountSatang: sql<number>`coalesce(sum(${withdrawalHours.amountSatang}), 0)`,
    })
    .from(withdrawalHours)
    .where(eq(withdrawalHours.status, "open"));
  return row ?? { count: 0, amountSatang: 0 };
}

/** How many orders of a kind are flagged `stuck` now (the reconciler gave up on them). */
export async function stuckCount(db: Db, kind: "topup" | "withdrawal"): Promise<number> {
  const table = kind === "topup" ? topups : withdrawals;
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(eq(table.needsReview, "stuck"));
  return row?.n ?? 0;
}

/**
 * Top-ups in the given statuses per age bucket (bounds are instants, newest first: a top-up
 * created at or after `bounds[0]` is in bucket 0, at or after `bounds[1]` in bucket 1, …, the
 * rest in the last; none created after `now`). One walk of the status index: the cost
 * follows the waiting orders, not the table.
 */
export async function countTopupsByAge(
  db: Db,
  statuses: readonly string[],
  bounds: Date[],
  now: Date,
): Promise<number[]> {
  const bucket = sql.join(
    bounds.map((b, i) => sql`when ${gte(topups.createdAt, b)} then ${i}`),
    sql` `,
  );
  const rows = await db
    .select({
      bucket: sql<number>`case ${bucket} else ${bounds.length} end`,
      n: sql<number>`count(*)`,
    })
    .from(topups)
    .where(and(inArray(topups.status, statuses as never[]), lt(topups.createdAt, now)))
    .groupBy(sql`1`);
  const out = Array.from({ length: bounds.length + 1 }, () => 0);
  for (const r of rows) out[r.bucket] = r.n;
  return out;
}

/**
 * Whether an order has waited for its callback since before `before`: pending or processing
 * (open, for withdrawals) and not already in a person's hands (flagged for review).
 */
export async function ordersWaitingSince(
  db: Db,
  upstream: "p2w" | "payout",
  before: Date,
): Promise<boolean> {
  const [row] =
    upstream === "p2w"
      ? await db
          .select({ id: topups.refId })
          .from(topups)
          .where(
            and(
              inArray(topups.status, ["pending", "processing"]),
              lte(topups.createdAt, before),
              isNull(topups.needsReview),
            ),
          )
          .limit(1)
      : await db
          .select({ id: withdrawals.platformOrderId })
          .from(withdrawals)
          .where(
            and(
              eq(withdrawals.status, "open"),
              lte(withdrawals.orderedAt, before),
              isNull(withdrawals.needsReview),
            ),
          )
          .limit(1);
  return row !== undefined;
}

/** The last callback of an upstream, accepted or not, and the last accepted one. */
export async function lastCallbacks(
  db: Db,
  upstream: "p2w" | "payout",
): Promise<{ received: Date | null; accepted: Date | null }> {
  const last = async (acceptedOnly: boolean) => {
    const [row] = await db
      .select({ at: callbacks.receivedAt })
      .from(callbacks)
      .where(
        and(
          eq(callbacks.upstream, upstream),
          acceptedOnly ? eq(callbacks.verification, "ok") : undefined,
        ),
      )
      .orderBy(desc(callbacks.upstream), desc(callbacks.receivedAt))
      .limit(1);
    return row?.at ?? null;
  };
  return { received: await last(false), accepted: await last(true) };
}

/** Callbacks received since `since`: accepted, and refused (stored or only counted). */
export async function callbackCountsSince(
  db: Db,
  upstream: "p2w" | "payout",
  since: Date,
): Promise<{ accepted: number; refused: number }> {
  const [accepted] = await db
    .select({ n: sql<number>`count(*)` })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.upstream, upstream),
        gte(callbacks.receivedAt, since),
        eq(callbacks.verification, "ok"),
      ),
    );
  // Every refused callback is counted in the tally's all-addresses row, stored or not.
  const [refused] = await db
    .select({
      n: sql<number>`coalesce(sum(${refusedCallbackTally.stored} + ${refusedCallbackTally.dropped}), 0)`,
    })
    .from(refusedCallbackTally)
    .where(
      and(
        eq(refusedCallbackTally.upstream, upstream),
        eq(refusedCallbackTally.ip, "*"),
        gte(refusedCallbackTally.minute, new Date(Math.floor(since.getTime() / 60_000) * 60_000)),
      ),
    );
  return { accepted: accepted?.n ?? 0, refused: refused?.n ?? 0 };
}

/**
 * For each first accepted callback of an order received since `since`: how long after the
 * order was created (top-ups) or ordered (withdrawals) it came, in milliseconds. The cost
 * follows the callbacks of the window, not the orders.
 */
export async function firstCallbackDelays(
  db: Db,
  upstream: "p2w" | "payout",
  since: Date,
): Promise<number[]> {
  const isFirst = sql`not exists (select 1 from ${callbacks} as earlier
    where earlier.entity_id = ${callbacks.entityId} and earlier.upstream = ${callbacks.upstream}
    and earlier.verification = 'ok' and earlier.id < ${callbacks.id})`;
  const window = and(
    eq(callbacks.upstream, upstream),
    gte(callbacks.receivedAt, since),
    eq(callbacks.verification, "ok"),
    isFirst,
  );
  const rows =
    upstream === "p2w"
      ? await db
          .select({ delay: msBetween(callbacks.receivedAt, topups.createdAt) })
          .from(callbacks)
          .innerJoin(topups, eq(topups.refId, callbacks.entityId))
          .where(window)
      : await db
          .select({ delay: msBetween(callbacks.receivedAt, withdrawals.orderedAt) })
          .from(callbacks)
          .innerJoin(withdrawals, eq(withdrawals.platformOrderId, callbacks.entityId))
          .where(window);
  return rows.map((r) => Math.max(0, r.delay));
}

export type BalancePoint = { satang: number; at: Date };

/** Confirmed P2W balance figures in [from, to], oldest first, and the last one before `from`. */
export async function balancePoints(db: Db, from: Date, to: Date): Promise<BalancePoint[]> {
  const confirmed = and(eq(balanceSnapshots.upstream, "p2w"), eq(balanceSnapshots.confirmed, true));
  const columns = { satang: balanceSnapshots.balanceSatang, at: balanceSnapshots.at };
  const before = await db
    .select(columns)
    .from(balanceSnapshots)
    .where(and(confirmed, lt(balanceSnapshots.at, from)))
    .orderBy(
      desc(balanceSnapshots.upstream),
      desc(balanceSnapshots.confirmed),
      desc(balanceSnapshots.at),
    )
    .limit(1);
  const within = await db
    .select(columns)
    .from(balanceSnapshots)
    .where(and(confirmed, gte(balanceSnapshots.at, from), lte(balanceSnapshots.at, to)))
    .orderBy(asc(balanceSnapshots.at));
  return [...before, ...within];
}

/** The last confirmed balance at or before each instant (the trend): one seek per point. */
export async function balanceAt(db: Db, instants: Date[]): Promise<(BalancePoint | null)[]> {
  if (instants.length === 0) return [];
  const confirmed = and(eq(balanceSnapshots.upstream, "p2w"), eq(balanceSnapshots.confirmed, true));
  return Promise.all(
    instants.map(async (instant) => {
      const [row] = await db
        .select({ satang: balanceSnapshots.balanceSatang, at: balanceSnapshots.at })
        .from(balanceSnapshots)
        .where(and(confirmed, lte(balanceSnapshots.at, instant)))
        .orderBy(
          desc(balanceSnapshots.upstream),
          desc(balanceSnapshots.confirmed),
          desc(balanceSnapshots.at),
        )
        .limit(1);
      return row ?? null;
    }),
  );
}

/** A cheap fingerprint of everything the overview reads: it changes when any of it does. */
export async function overviewVersion(db: Db): Promise<string> {
  const [row] = await db.$store.query<Record<string, unknown>>(
    db,
    `select (select max(id) from status_history) h, (select max(id) from callbacks) c,
            (select max(id) from balance_snapshots) b, (select max(updated_at) from settings) s,
            (select max(id) from review_items) r`,
  );
  return [row?.h, row?.c, row?.b, row?.s, row?.r].map((v) => String(v ?? "")).join(":");
}

/** Every refused callback in [from, to), both upstreams, stored or only counted. */
export async function refusedCallbacksBetween(db: Db, from: Date, to: Date): Promise<number> {
  const [row] = await db
    .select({
      n: sql<number>`coalesce(sum(${refusedCallbackTally.stored} + ${refusedCallbackTally.dropped}), 0)`,
    })
    .from(refusedCallbackTally)
    .where(
      and(
        eq(refusedCallbackTally.ip, "*"),
        gte(refusedCallbackTally.minute, from),
        lt(refusedCallbackTally.minute, to),
      ),
    );
  return row?.n ?? 0;
}
