import "server-only";

import type { Db } from "@/db/client";
import {
  callbackResultCounts,
  type CallbackListRow,
  droppedRefusalCounts,
  listCallbackLog,
} from "@/db/queries/callback-log";
import { getCallback, listDroppedRefusals } from "@/db/queries/callbacks";
import {
  callDurationCounts,
  getUpstreamCall,
  listUpstreamCallLog,
} from "@/db/queries/upstream-call-log";
import { userNames } from "@/db/queries/users";
import { ALL_OPERATIONS, CALLBACK_RESULTS, UPSTREAMS } from "@/lib/callbacks/results";
import { notFoundError } from "@/lib/errors";
import { keysetPage } from "@/lib/orders/list-params";
import { historyPeople } from "@/lib/orders/order-json";
import { percentile } from "@/lib/overview/figures";

import { parseCallbackQuery, parseCallQuery } from "./log-query";
import {
  type CallbackDetailJson,
  type CallbackJson,
  showBody,
  toCallbackJson,
  toUpstreamCallJson,
} from "./log-view";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type CallbackPage = {
  items: CallbackJson[];
  nextCursor: string | null;
  /** Per upstream and result over the last 24 h (first page only). */
  counts?: CallbackCounts;
};

/** One page of the callbacks log; the first page also carries the last 24 hours' counts. */
export async function callbackLogPage(
  db: Db,
  params: URLSearchParams,
  now = new Date(),
): Promise<CallbackPage> {
  const query = parseCallbackQuery(params);
  const rows = await listCallbackLog(db, query.filter, {
    cursor: query.cursor,
    limit: query.limit + 1,
  });
  const page = await callbackJsonPage(db, rows, query.limit);
  return query.cursor ? page : { ...page, counts: await callbackCounts(db, now) };
}

async function callbackJsonPage(db: Db, rows: CallbackListRow[], limit: number) {
  const names = await userNames(
    db,
    rows.flatMap((r) => (r.replayedBy === null ? [] : [r.replayedBy])),
  );
  return keysetPage(
    rows,
    limit,
    (row) => ({ t: row.receivedAt.getTime(), id: String(row.id) }),
    (row) => toCallbackJson(row, names),
  );
}

export type CallbackCounts = {
  since: string;
  /** upstream → result → count. */
  byResult: Record<string, Record<string, number>>;
  /** Refused callbacks only counted, not stored (above the flood bound), per upstream … */
  dropped: Record<string, number>;
  /** … and per source address and minute, the largest first within each minute. */
  droppedBySource: {
    upstream: string;
    ip: string;
    minute: string;
    stored: number;
    dropped: number;
  }[];
};

export async function callbackCounts(db: Db, now = new Date()): Promise<CallbackCounts> {
  const since = new Date(now.getTime() - DAY_MS);
  const byResult: CallbackCounts["byResult"] = Object.fromEntries(UPSTREAMS.map((u) => [u, {}]));
  for (const row of await callbackResultCounts(db, since, CALLBACK_RESULTS))
    (byResult[row.upstream] ??= {})[row.result] = row.n;
  const dropped: Record<string, number> = {};
  for (const row of await droppedRefusalCounts(db, since)) dropped[row.upstream] = row.n;
  const droppedBySource = (await listDroppedRefusals(db, since, 50)).map((r) => ({
    ...r,
    minute: r.minute.toISOString(),
  }));
  return { since: since.toISOString(), byResult, dropped, droppedBySource };
}

/** One callback as the log opens it; account data masked unless `reveal`. */
export async function callbackDetail(
  db: Db,
  id: number,
  reveal: boolean,
): Promise<CallbackDetailJson> {
  const row = await getCallback(db, id);
  if (!row) throw notFoundError();
  const names = await userNames(db, row.replayedBy === null ? [] : [row.replayedBy]);
  return {
    ...toCallbackJson(row, names),
    body: row.prunedAt ? null : showBody(row.rawBody, reveal),
    headers: row.headers,
    masked: !reveal,
  };
}

/**
 * What `GET /api/upstream-calls` answers: a page of the log, and on the first page the
 * latency and error rate per operation (shared by every viewer).
 */
export async function callLogAnswer(db: Db, params: URLSearchParams) {
  const page = await callLogPage(db, params);
  if (params.has("cursor")) return page;
  return { ...page, stats: await sharedCallStats(db) };
}

/** One page of the upstream-calls log. */
export async function callLogPage(db: Db, params: URLSearchParams) {
  const query = parseCallQuery(params);
  const rows = await listUpstreamCallLog(db, query.filter, query.walkOperations, {
    cursor: query.cursor,
    limit: query.limit + 1,
  });
  const names = await userNames(db, historyPeople(rows));
  return keysetPage(
    rows,
    query.limit,
    (row) => ({ t: row.at.getTime(), id: String(row.id) }),
    (row) => toUpstreamCallJson(row, names),
  );
}

/** One call with its (already redacted) request and response; account data masked unless `reveal`. */
export async function callDetail(db: Db, id: number, reveal: boolean) {
  const row = await getUpstreamCall(db, id);
  if (!row) throw notFoundError();
  return {
    ...toUpstreamCallJson(row, await userNames(db, historyPeople([row]))),
    request: showBody(row.request, reveal),
    response: showBody(row.response, reveal),
    masked: !reveal,
  };
}

export type Latency = {
  calls: number;
  errors: number;
  /** Share of calls that ended in an error, 0..1; null without calls. */
  errorRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
};

export type OperationStats = { operation: string; lastHour: Latency; lastDay: Latency };

/** Latency and error rate per operation over the last hour and the last 24 hours. */
export async function callStats(db: Db, now = new Date()): Promise<OperationStats[]> {
  const rows = await callDurationCounts(
    db,
    ALL_OPERATIONS,
    new Date(now.getTime() - DAY_MS),
    new Date(now.getTime() - HOUR_MS),
  );
  const summary = (mine: typeof rows, countOf: (r: (typeof rows)[number]) => number): Latency => {
    const calls = mine.reduce((n, r) => n + countOf(r), 0);
    const errors = mine.reduce((n, r) => n + (r.outcome === "error" ? countOf(r) : 0), 0);
    const buckets = mine.map((r) => ({ seconds: r.durationMs, count: countOf(r) }));
    return {
      calls,
      errors,
      errorRate: calls === 0 ? null : errors / calls,
      p50Ms: percentile(buckets, 0.5),
      p95Ms: percentile(buckets, 0.95),
    };
  };
  return ALL_OPERATIONS.map((operation) => {
    const mine = rows.filter((r) => r.operation === operation);
    return {
      operation,
      lastHour: summary(mine, (r) => r.recent),
      lastDay: summary(mine, (r) => r.count),
    };
  });
}

/**
 * The figures above the calls log, shared by every viewer: a request older than 10 s starts
 * a fresh computation and is answered with the figures it replaces, so no request waits for
 * the sum but the first one after the process starts.
 */
const STATS_FOR_MS = 10_000;
const sharedStats = new WeakMap<
  Db,
  { at: number; stats: OperationStats[] | null; next: Promise<OperationStats[]> | null }
>();

export async function sharedCallStats(db: Db, now = Date.now()): Promise<OperationStats[]> {
  const held = sharedStats.get(db) ?? { at: 0, stats: null, next: null };
  sharedStats.set(db, held);
  if (now - held.at >= STATS_FOR_MS && !held.next) {
    held.next = callStats(db, new Date(now)).then(
      (stats) => {
        Object.assign(held, { at: now, stats, next: null });
        return stats;
      },
      (error: unknown) => {
        held.next = null;
        throw error;
      },
    );
    held.next.catch(() => undefined);
  }
  return held.stats ?? (await (held.next ?? callStats(db, new Date(now))));
}
