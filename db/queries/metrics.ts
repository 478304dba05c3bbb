import { and, asc, count, eq, inArray, isNull, min } from "drizzle-orm";

import type { Db } from "../client";
import { TOPUP_OPEN_STATUSES, WITHDRAWAL_OPEN_STATUSES } from "../enums";
import { alerts, callbacks, topups, withdrawals } from "../schema";

/**
 * What `/api/metrics` reads from the database (lib/metrics/database.ts): the same figures
 * on every instance. Each is one walk of an index over the rows still waiting (open
 * orders, unprocessed callbacks, open alerts), never of a whole table. The review queue's
 * are the queue's own counts (db/queries/review-items.ts).
 */

export type Waiting = { count: number; oldest: Date | null };

/** Callbacks acknowledged and waiting for the worker (`received`), and the oldest's arrival. */
export async function callbacksWaiting(db: Db): Promise<Waiting> {
  const [row] = await db
    .select({ count: count(), oldest: min(callbacks.receivedAt) })
    .from(callbacks)
    .where(eq(callbacks.result, "received"));
  return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
}

/** Open orders of each kind, counted per status (one walk of the status index, no row read). */
export async function openOrderCounts(
  db: Db,
): Promise<Record<"topup" | "withdrawal", Partial<Record<string, number>>>> {
  const topupRows = await db
    .select({ status: topups.status, count: count() })
    .from(topups)
    .where(inArray(topups.status, [...TOPUP_OPEN_STATUSES]))
    .groupBy(topups.status);
  const withdrawalRows = await db
    .select({ status: withdrawals.status, count: count() })
    .from(withdrawals)
    .where(inArray(withdrawals.status, [...WITHDRAWAL_OPEN_STATUSES]))
    .groupBy(withdrawals.status);
  const byStatus = (rows: { status: string; count: number }[]) =>
    Object.fromEntries(rows.map((row) => [row.status, row.count]));
  return { topup: byStatus(topupRows), withdrawal: byStatus(withdrawalRows) };
}

/**
 * The creation (withdrawals: ordering) of the oldest open order of a kind not in a person's
 * hands: one flagged for review is waited on by the review queue, not by an upstream. Per
 * status, the status index in time order up to the first unflagged row: the cost follows
 * the flagged ones older than it, not the open ones.
 */
export async function oldestUnflagged(db: Db, kind: "topup" | "withdrawal"): Promise<Date | null> {
  let oldest: Date | null = null;
  const statuses: readonly string[] =
    kind === "topup" ? TOPUP_OPEN_STATUSES : WITHDRAWAL_OPEN_STATUSES;
  for (const status of statuses) {
    const [row] =
      kind === "topup"
        ? await db
            .select({ at: topups.createdAt })
            .from(topups)
            .where(and(eq(topups.status, status as never), isNull(topups.needsReview)))
            .orderBy(asc(topups.status), asc(topups.createdAt))
            .limit(1)
        : await db
            .select({ at: withdrawals.orderedAt })
            .from(withdrawals)
            .where(and(eq(withdrawals.status, status as never), isNull(withdrawals.needsReview)))
            .orderBy(asc(withdrawals.status), asc(withdrawals.orderedAt))
            .limit(1);
    if (row && (!oldest || row.at < oldest)) oldest = row.at;
  }
  return oldest;
}

/** Alerts raised and not yet resolved, counted per kind. */
export async function activeAlerts(db: Db): Promise<Partial<Record<string, number>>> {
  const rows = await db
    .select({ kind: alerts.kind, count: count() })
    .from(alerts)
    .where(isNull(alerts.resolvedAt))
    .groupBy(alerts.kind);
  return Object.fromEntries(rows.map((row) => [row.kind, row.count]));
}
