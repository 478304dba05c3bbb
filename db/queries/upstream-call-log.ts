import { and, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";

import type { Db } from "../client";
import { type UpstreamCallRow, upstreamCalls } from "../schema";
import { mergeNewestFirst, type LogCursor, logKeyset, searchCondition } from "./keyset";
import { countWhere } from "./portable";

/** The upstream-calls log's filter; `operations` and `outcomes` are "any of". */
export type UpstreamCallFilter = {
  upstream?: "p2w" | "payout";
  operations?: readonly string[];
  outcomes?: readonly ("ok" | "error")[];
  /** The id a call was about (refID, orderID, platform order id), exact or prefix. */
  q?: string;
  from?: Date;
  to?: Date;
};

/** The log's rows without the bodies. */
const listColumns = {
  id: upstreamCalls.id,
  at: upstreamCalls.at,
  upstream: upstreamCalls.upstream,
  operation: upstreamCalls.operation,
  targetId: upstreamCalls.targetId,
  actor: upstreamCalls.actor,
  attempt: upstreamCalls.attempt,
  httpStatus: upstreamCalls.httpStatus,
  durationMs: upstreamCalls.durationMs,
  outcome: upstreamCalls.outcome,
  errorCode: upstreamCalls.errorCode,
  prunedAt: upstreamCalls.prunedAt,
};
export type UpstreamCallListRow = Omit<UpstreamCallRow, "request" | "response">;

/**
 * One page of the upstream-calls log, newest first. Unfiltered, one walk down the time
 * index; filtered by upstream, operation or outcome, one walk per (operation, outcome)
 * down `upstream_calls_op_outcome_idx`, merged; a search collects the matching ids.
 */
export async function listUpstreamCallLog(
  db: Db,
  filter: UpstreamCallFilter,
  walkOperations: readonly string[],
  page: { cursor?: LogCursor; limit: number },
): Promise<UpstreamCallListRow[]> {
  const { after, orderBy } = logKeyset(upstreamCalls.at, upstreamCalls.id, page.cursor);
  const common: (SQL | undefined)[] = [
    after,
    filter.from ? gte(upstreamCalls.at, filter.from) : undefined,
    filter.to ? lt(upstreamCalls.at, filter.to) : undefined,
    filter.upstream ? eq(upstreamCalls.upstream, filter.upstream) : undefined,
  ];
  const read = (conditions: (SQL | undefined)[]) =>
    db
      .select(listColumns)
      .from(upstreamCalls)
      .where(and(...common, ...conditions))
      .orderBy(...orderBy)
      .limit(page.limit);
  const operationIn = filter.operations
    ? inArray(upstreamCalls.operation, [...filter.operations])
    : undefined;
  const outcomeIn = filter.outcomes
    ? inArray(upstreamCalls.outcome, [...filter.outcomes])
    : undefined;

  if (filter.q) {
    const match = await searchCondition(
      db,
      { table: upstreamCalls, prefix: [upstreamCalls.targetId] },
      filter.q,
    );
    return read([match, operationIn, outcomeIn]);
  }
  if (!filter.upstream && !filter.operations && !filter.outcomes) return read([]);
  const walks: SQL[][] = [];
  for (const operation of filter.operations ?? walkOperations)
    for (const outcome of filter.outcomes ?? (["ok", "error"] as const))
      walks.push([eq(upstreamCalls.operation, operation), eq(upstreamCalls.outcome, outcome)]);
  return mergeNewestFirst(
    await Promise.all(walks.map(read)),
    (row) => ({ t: row.at.getTime(), id: row.id }),
    page.limit,
  );
}

export async function getUpstreamCall(db: Db, id: number): Promise<UpstreamCallRow | undefined> {
  const [row] = await db.select().from(upstreamCalls).where(eq(upstreamCalls.id, id)).limit(1);
  return row;
}

/**
 * Calls since `since` per operation, outcome and exact duration, with how many of them fell
 * after `recentSince`: enough for exact percentiles of both windows, summed in SQLite from
 * `upstream_calls_stats_idx` alone (a day of calls becomes a few thousand rows).
 */
export async function callDurationCounts(
  db: Db,
  operations: readonly string[],
  since: Date,
  recentSince: Date,
): Promise<
  {
    operation: string;
    outcome: "ok" | "error";
    durationMs: number;
    count: number;
    recent: number;
  }[]
> {
  return db
    .select({
      operation: upstreamCalls.operation,
      outcome: upstreamCalls.outcome,
      durationMs: upstreamCalls.durationMs,
      count: sql<number>`count(*)`,
      recent: countWhere(gte(upstreamCalls.at, recentSince)),
    })
    .from(upstreamCalls)
    .where(and(inArray(upstreamCalls.operation, [...operations]), gte(upstreamCalls.at, since)))
    .groupBy(upstreamCalls.operation, upstreamCalls.outcome, upstreamCalls.durationMs);
}

/** Calls since `since` per upstream, operation and outcome (the upstream-errors alert). */
export async function callOutcomeCounts(
  db: Db,
  since: Date,
): Promise<{ upstream: string; operation: string; outcome: string; n: number }[]> {
  return db
    .select({
      upstream: upstreamCalls.upstream,
      operation: upstreamCalls.operation,
      outcome: upstreamCalls.outcome,
      n: sql<number>`count(*)`,
    })
    .from(upstreamCalls)
    .where(gte(upstreamCalls.at, since))
    .groupBy(upstreamCalls.upstream, upstreamCalls.operation, upstreamCalls.outcome);
}
