import { and, asc, desc, eq, gt, gte, inArray, lt, ne, or, sql } from "drizzle-orm";

import { type Db, type Tx, withTx } from "../client";
import { rowBy } from "../prepared";
import { type CallbackRow, callbacks, refusedCallbackTally } from "../schema";
import { ALL_ADDRESSES, type ReceivedCallback, type RefusedCallback } from "../store";

export type NewCallback = Omit<typeof callbacks.$inferInsert, "id">;

export type { ReceivedCallback };

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
  db.$store.insertCallbacks(batch.map(({ row }) => row)).then(
    (ids) => batch.forEach((waiting, i) => waiting.resolve(ids[i] ?? 0)),
    // One row's fault must not cost the others their acknowledgement: each on its own.
    () => {
      for (const waiting of batch)
        db.$store.insertCallbacks([waiting.row]).then(
          ([id]) => waiting.resolve(id ?? 0),
          (error: unknown) => waiting.reject(error),
        );
    },
  );
}

/** How many refused callbacks are stored whole per minute, per source address and in all. */
export const REFUSED_BODIES_PER_MINUTE = { perAddress: 20, total: 200 } as const;

/**
 * Stores a refused callback whole while its source address and the minute are under the
 * bounds, otherwise only counts it; returns its id, or null when it was only counted. The
 * tally and the row commit together, so two processes cannot both take the last place.
 */
export async function storeRefusedCallback(
  db: Db,
  callback: RefusedCallback,
  at: Date = new Date(),
): Promise<number | null> {
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  return db.$store.storeRefusedCallback(callback, minute, REFUSED_BODIES_PER_MINUTE);
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

export function getCallback(db: Db, id: number): Promise<CallbackRow | undefined> {
  return rowBy(db, callbacks, callbacks.id, id);
}

/**
 * Every write of a callback's processing result goes through this module: here, inside the
 * transaction that applies the callback's change (so the two commit together) …
 */
export async function markCallbackProcessedIn(tx: Tx, id: number, result: string): Promise<void> {
  await tx.update(callbacks).set({ result, processedAt: new Date() }).where(eq(callbacks.id, id));
}

/** … and here, for a callback that ends without changing an order (or is to be retried). */
export async function setCallbackResult(
  db: Db,
  id: number,
  result: string,
  detail: string | null,
  processed: boolean,
): Promise<void> {
  // One row by its key, deciding nothing: one statement, atomic by itself.
  await withTx(
    db,
    (tx) =>
      tx
        .update(callbacks)
        .set({ result, detail, processedAt: processed ? new Date() : null })
        .where(eq(callbacks.id, id)),
    "one statement",
  );
}

/** The liveness lease of a callback worker: `callback-worker:<holder>` in `leases`. */
export const workerLeaseName = (holder: string) => `callback-worker:${holder}`;

/**
 * Takes up to `limit` acknowledged callbacks that wait to be processed, oldest first, for
 * `claimMs`, in `holder`'s name: two workers (two processes on one database) never take the
 * same row. A claim is free again when it runs out, or at once when its holder's liveness
 * lease has lapsed (the process died: a restart need not wait the claim out).
 */
export function claimReceivedCallbacks(
  db: Db,
  upstreams: readonly string[],
  limit: number,
  claimMs: number,
  holder: string,
  /** A test's instant; otherwise the database's clock. */
  now?: number,
): Promise<Pick<CallbackRow, "id" | "upstream">[]> {
  return db.$store.claimCallbacks(upstreams, limit, claimMs, holder, now);
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
  const [row] = await withTx(
    db,
    (tx) =>
      tx
        .update(callbacks)
        .set({ attempts: sql`${callbacks.attempts} + 1` })
        .where(eq(callbacks.id, id))
        .returning({ attempts: callbacks.attempts }),
    "one statement",
  );
  return row?.attempts ?? 0;
}
