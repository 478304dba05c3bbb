import { and, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";

import { type Db, withTx } from "../client";
import { type CallbackRow, callbacks, refusedCallbackTally } from "../schema";
import { mergeNewestFirst, type LogCursor, logKeyset, searchCondition } from "./keyset";

/** The callbacks log's filter; every list in it is "any of". */
export type CallbackFilter = {
  upstreams: readonly ("p2w" | "payout")[];
  verifications?: readonly string[];
  results?: readonly string[];
  /** An order reference (refID, P2W orderID, platform order id), exact or prefix. */
  q?: string;
  from?: Date;
  to?: Date;
};

/** The log's rows without the raw body (a page never needs 50 bodies). */
const listColumns = {
  id: callbacks.id,
  upstream: callbacks.upstream,
  receivedAt: callbacks.receivedAt,
  verification: callbacks.verification,
  entityId: callbacks.entityId,
  orderId: callbacks.orderId,
  ip: callbacks.ip,
  result: callbacks.result,
  detail: callbacks.detail,
  attempts: callbacks.attempts,
  processedAt: callbacks.processedAt,
  prunedAt: callbacks.prunedAt,
  replayedAt: callbacks.replayedAt,
  replayedBy: callbacks.replayedBy,
  replayResult: callbacks.replayResult,
  replays: callbacks.replays,
};
export type CallbackListRow = Omit<
  CallbackRow,
  "rawBody" | "headers" | "claimedUntil" | "claimedBy"
>;

/**
 * One page of the callbacks log, newest first. Each (upstream × verification or result)
 * value is its own walk down an index that ends in `received_at`, stopped after a page,
 * and the walks are merged: no filter ever makes SQLite collect and sort every match. A
 * search by order reference collects the few matching ids through their indexes instead.
 */
export async function listCallbackLog(
  db: Db,
  filter: CallbackFilter,
  page: { cursor?: LogCursor; limit: number },
): Promise<CallbackListRow[]> {
  const { after, orderBy } = logKeyset(callbacks.receivedAt, callbacks.id, page.cursor);
  const common: (SQL | undefined)[] = [
    after,
    filter.from ? gte(callbacks.receivedAt, filter.from) : undefined,
    filter.to ? lt(callbacks.receivedAt, filter.to) : undefined,
  ];
  const read = (conditions: (SQL | undefined)[]) =>
    db
      .select(listColumns)
      .from(callbacks)
      .where(and(...common, ...conditions))
      .orderBy(...orderBy)
      .limit(page.limit);

  if (filter.q) {
    const match = await searchCondition(
      db,
      { table: callbacks, prefix: [callbacks.entityId, callbacks.orderId] },
      filter.q,
    );
    return read([
      match,
      inArray(callbacks.upstream, [...filter.upstreams]),
      filter.verifications ? inArray(callbacks.verification, [...filter.verifications]) : undefined,
      filter.results ? inArray(callbacks.result, [...filter.results]) : undefined,
    ]);
  }
  const walks: (SQL | undefined)[][] = [];
  for (const upstream of filter.upstreams) {
    const byUpstream = eq(callbacks.upstream, upstream);
    const verificationIn = filter.verifications
      ? inArray(callbacks.verification, [...filter.verifications])
      : undefined;
    if (filter.results) {
      for (const result of filter.results)
        walks.push([byUpstream, eq(callbacks.result, result), verificationIn]);
    } else if (filter.verifications) {
      for (const verification of filter.verifications)
        walks.push([byUpstream, eq(callbacks.verification, verification)]);
    } else {
      walks.push([byUpstream]);
    }
  }
  if (walks.length === 1) return read(walks[0] ?? []);
  return mergeNewestFirst(
    await Promise.all(walks.map(read)),
    (row) => ({ t: row.receivedAt.getTime(), id: row.id }),
    page.limit,
  );
}

/** Received callbacks per upstream and result since an instant (read from the index alone). */
export async function callbackResultCounts(
  db: Db,
  since: Date,
  results: readonly string[],
): Promise<{ upstream: string; result: string; n: number }[]> {
  return db
    .select({ upstream: callbacks.upstream, result: callbacks.result, n: sql<number>`count(*)` })
    .from(callbacks)
    .where(
      and(
        inArray(callbacks.upstream, ["p2w", "payout"]),
        inArray(callbacks.result, [...results]),
        gte(callbacks.receivedAt, since),
      ),
    )
    .groupBy(callbacks.upstream, callbacks.result);
}

/** Refused callbacks only counted, not stored (the flood bound), per upstream since an instant. */
export async function droppedRefusalCounts(
  db: Db,
  since: Date,
): Promise<{ upstream: string; n: number }[]> {
  return db
    .select({
      upstream: refusedCallbackTally.upstream,
      n: sql<number>`sum(${refusedCallbackTally.dropped})`,
    })
    .from(refusedCallbackTally)
    .where(and(eq(refusedCallbackTally.ip, "*"), gte(refusedCallbackTally.minute, since)))
    .groupBy(refusedCallbackTally.upstream);
}

/**
 * Marks a callback as being replayed by a person, unless `refusal` (the caller's rule, given
 * the row as it is) names a reason not to; read and write share one immediate transaction,
 * so two replays cannot both start. Undefined when there is no such callback.
 */
export async function startReplay<R extends string>(
  db: Db,
  id: number,
  userId: number,
  refusal: (row: CallbackRow) => R | null,
): Promise<{ before: CallbackRow; refusal: R | null } | undefined> {
  return withTx(db, async (tx) => {
    const [before] = await tx.select().from(callbacks).where(eq(callbacks.id, id));
    if (!before) return undefined;
    const refused = refusal(before);
    if (refused !== null) return { before, refusal: refused };
    await tx
      .update(callbacks)
      .set({
        result: "replaying",
        detail: null,
        processedAt: null,
        attempts: 0,
        replayedAt: new Date(),
        replayedBy: userId,
        replayResult: null,
        replays: sql`${callbacks.replays} + 1`,
      })
      .where(eq(callbacks.id, id));
    return { before, refusal: null };
  });
}

/**
 * Ends a replay: records what it came to. With `keepEarlier` the row keeps the result, detail
 * and time of its first processing (a replay that found its own event already applied).
 */
export async function finishReplay(
  db: Db,
  before: CallbackRow,
  outcome: string,
  keepEarlier: boolean,
): Promise<CallbackRow | undefined> {
  const earlier = keepEarlier
    ? { result: before.result, detail: before.detail, processedAt: before.processedAt }
    : {};
  const [row] = await withTx(db, (tx) =>
    tx
      .update(callbacks)
      .set({ ...earlier, replayResult: outcome })
      .where(eq(callbacks.id, before.id))
      .returning(),
  );
  return row;
}
