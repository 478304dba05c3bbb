import { and, asc, desc, eq, gt, gte, inArray, lt, ne, or, sql } from "drizzle-orm";

import { type Db, prepared, rowBy } from "../client";
import { type CallbackRow, callbacks, refusedCallbackTally } from "../schema";

export type NewCallback = Omit<typeof callbacks.$inferInsert, "id">;

/** What receiving stores (and what tests back-date): every other column keeps its default. */
export type ReceivedCallback = Pick<
  NewCallback,
  | "upstream"
  | "rawBody"
  | "verification"
  | "entityId"
  | "orderId"
  | "ip"
  | "headers"
  | "result"
  | "detail"
  | "receivedAt"
  | "processedAt"
>;

type Waiting = {
  row: ReceivedCallback;
  resolve: (id: number) => void;
  reject: (e: unknown) => void;
};
const intake = new WeakMap<Db, Waiting[]>();

/**
 * Stores a received callback; resolves with its id once the row is committed (only then may
 * the webhook answer 2xx). Callbacks that arrive in the same turn of the event loop are
 * committed together, one transaction and one sync to disk for all of them (group commit):
 * each still waits for its own row to be durable. When that transaction fails, each row is
 * tried again on its own, so one bad row is refused alone and the others still answer.
 */
export function insertCallback(db: Db, callback: ReceivedCallback): Promise<number> {
  return new Promise((resolve, reject) => {
    let waiting = intake.get(db);
    if (!waiting) {
      intake.set(db, (waiting = []));
      setImmediate(() => commitIntake(db));
    }
    waiting.push({ row: callback, resolve, reject });
  });
}

function commitIntake(db: Db): void {
  const batch = intake.get(db) ?? [];
  intake.delete(db);
  const insert = prepared(
    db,
    `insert into callbacks (upstream, raw_body, verification, entity_id, order_id, ip, headers,
                            result, detail, received_at, processed_at)
     values (@upstream, @rawBody, @verification, @entityId, @orderId, @ip, @headers, @result,
             @detail, coalesce(@receivedAt, cast(unixepoch('subsec') * 1000 as integer)),
             @processedAt)`,
  );
  const insertAll = db.$client.transaction((rows: Waiting[]) =>
    rows.map(({ row }) => {
      const info = insert.run({
        upstream: row.upstream,
        rawBody: row.rawBody,
        verification: row.verification,
        entityId: row.entityId ?? null,
        orderId: row.orderId ?? null,
        ip: row.ip ?? null,
        headers: row.headers ? JSON.stringify(row.headers) : null,
        result: row.result,
        detail: row.detail ?? null,
        receivedAt: row.receivedAt?.getTime() ?? null,
        processedAt: row.processedAt?.getTime() ?? null,
      });
      return Number(info.lastInsertRowid);
    }),
  ).immediate;
  try {
    const ids = insertAll(batch);
    batch.forEach((waiting, i) => waiting.resolve(ids[i] ?? 0));
  } catch {
    // One row's fault must not cost the others their acknowledgement: each on its own.
    for (const waiting of batch) {
      try {
        waiting.resolve(insertAll([waiting])[0] ?? 0);
      } catch (error) {
        waiting.reject(error);
      }
    }
  }
}

/** The tally row that counts every address of a minute. */
const ALL_ADDRESSES = "*";

/** How many refused callbacks are stored whole per minute, per source address and in all. */
export const REFUSED_BODIES_PER_MINUTE = { perAddress: 20, total: 200 } as const;

/**
 * Stores a refused callback whole while its source address and the minute are under the
 * bounds, otherwise only counts it; returns its id, or null when it was only counted. The
 * tally and the row commit together, so two processes cannot both take the last place.
 */
export async function storeRefusedCallback(
  db: Db,
  callback: NewCallback & { upstream: "p2w" | "payout"; ip: string },
  at: Date = new Date(),
): Promise<number | null> {
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  return db.transaction(
    (tx) => {
      const tallyOf = (ip: string) =>
        tx
          .select()
          .from(refusedCallbackTally)
          .where(
            and(
              eq(refusedCallbackTally.upstream, callback.upstream),
              eq(refusedCallbackTally.ip, ip),
              eq(refusedCallbackTally.minute, minute),
            ),
          )
          .get();
      const keep =
        (tallyOf(callback.ip)?.stored ?? 0) < REFUSED_BODIES_PER_MINUTE.perAddress &&
        (tallyOf(ALL_ADDRESSES)?.stored ?? 0) < REFUSED_BODIES_PER_MINUTE.total;
      for (const ip of [callback.ip, ALL_ADDRESSES]) {
        tx.insert(refusedCallbackTally)
          .values({
            upstream: callback.upstream,
            ip,
            minute,
            stored: keep ? 1 : 0,
            dropped: keep ? 0 : 1,
          })
          .onConflictDoUpdate({
            target: [
              refusedCallbackTally.upstream,
              refusedCallbackTally.ip,
              refusedCallbackTally.minute,
            ],
            set: keep
              ? { stored: sql`${refusedCallbackTally.stored} + 1` }
              : { dropped: sql`${refusedCallbackTally.dropped} + 1` },
          })
          .run();
      }
      if (!keep) return null;
      const row = tx.insert(callbacks).values(callback).returning({ id: callbacks.id }).get();
      return row.id;
    },
    { behavior: "immediate" },
  );
}

export type RefusedTally = {
  upstream: string;
  ip: string;
  minute: Date;
  stored: number;
  dropped: number;
};

/** Refused callbacks counted but not stored, per upstream, address and minute, newest first. */
export async function listDroppedRefusals(
  db: Db,
  since: Date,
  limit = 100,
): Promise<RefusedTally[]> {
  return db
    .select()
    .from(refusedCallbackTally)
    .where(
      and(
        gte(refusedCallbackTally.minute, since),
        ne(refusedCallbackTally.ip, ALL_ADDRESSES),
        gt(refusedCallbackTally.dropped, 0),
      ),
    )
    .orderBy(desc(refusedCallbackTally.minute), desc(refusedCallbackTally.dropped))
    .limit(limit);
}

export async function getCallback(db: Db, id: number): Promise<CallbackRow | undefined> {
  return rowBy(db, callbacks, callbacks.id, id);
}

/**
 * Every write of a callback's processing result goes through this module: here, inside the
 * transaction that applies the callback's change, open on `db` (so the two commit together;
 * better-sqlite3 runs one connection's statements in its open transaction) …
 */
export function markCallbackProcessedIn(db: Db, id: number, result: string): void {
  prepared(db, "update callbacks set result = ?, processed_at = ? where id = ?").run(
    result,
    Date.now(),
    id,
  );
}

/** … and here, for a callback that ends without changing an order (or is to be retried). */
export async function setCallbackResult(
  db: Db,
  id: number,
  result: string,
  detail: string | null,
  processed: boolean,
): Promise<void> {
  // Prepared once per connection: the worker writes one result per callback.
  prepared(db, "update callbacks set result = ?, detail = ?, processed_at = ? where id = ?").run(
    result,
    detail,
    processed ? Date.now() : null,
    id,
  );
}

/** The liveness lease of a callback worker: `callback-worker:<holder>` in `leases`. */
export const workerLeaseName = (holder: string) => `callback-worker:${holder}`;

/**
 * Takes up to `limit` acknowledged callbacks that wait to be processed, oldest first, for
 * `claimMs`, in `holder`'s name: one statement, so two workers (two processes on one file)
 * never take the same row. A claim is free again when it runs out, or at once when its
 * holder's liveness lease has lapsed (the process died: a restart need not wait the claim out).
 */
export function claimReceivedCallbacks(
  db: Db,
  upstreams: readonly string[],
  limit: number,
  claimMs: number,
  holder: string,
  now = Date.now(),
): Pick<CallbackRow, "id" | "upstream">[] {
  if (upstreams.length === 0 || limit <= 0) return [];
  const places = upstreams.map(() => "?").join(", ");
  // Walks callbacks_pending_idx (result, received_at): only the waiting rows are read.
  return prepared(
    db,
    `update callbacks set claimed_until = ?, claimed_by = ?
        where id in (
          select id from callbacks
           where result = 'received' and upstream in (${places})
             and (claimed_until is null or claimed_until < ?
                  or not exists (select 1 from leases
                                  where name = 'callback-worker:' || callbacks.claimed_by
                                    and expires_at >= ?))
           order by received_at, id
           limit ?)
        returning id, upstream`,
  ).all(now + claimMs, holder, ...upstreams, now, now, limit) as Pick<
    CallbackRow,
    "id" | "upstream"
  >[];
}

/** Callbacks accepted but not yet processed (a confirmation that failed, a broken-off replay). */
export async function listUnprocessedCallbacks(
  db: Db,
  olderThan: Date,
  limit: number,
): Promise<CallbackRow[]> {
  return db
    .select()
    .from(callbacks)
    .where(
      or(
        // `received` ones are the callback worker's (claimReceivedCallbacks).
        and(eq(callbacks.result, "retry"), lt(callbacks.receivedAt, olderThan)),
        // A replay that broke off (the process died): its start is the time that counts.
        and(eq(callbacks.result, "replaying"), lt(callbacks.replayedAt, olderThan)),
      ),
    )
    .orderBy(asc(callbacks.id))
    .limit(limit);
}

export async function listCallbacksFor(db: Db, ids: string[]): Promise<CallbackRow[]> {
  const keys = ids.filter(Boolean);
  if (keys.length === 0) return [];
  return db
    .select()
    .from(callbacks)
    .where(inArray(callbacks.entityId, keys))
    .orderBy(desc(callbacks.id))
    .limit(200);
}

/** Counts one more failed attempt at a callback; returns how many there now are. */
export async function bumpCallbackAttempts(db: Db, id: number): Promise<number> {
  return prepared(
    db,
    "update callbacks set attempts = attempts + 1 where id = ? returning attempts",
  )
    .pluck()
    .get(id) as number;
}
