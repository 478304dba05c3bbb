import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";

import type { Db } from "../client";
import { type CallbackRow, callbacks } from "../schema";

export type NewCallback = Omit<typeof callbacks.$inferInsert, "id">;

/** Stores a received callback; returns its id once the row is committed. */
export async function insertCallback(db: Db, callback: NewCallback): Promise<number> {
  const [row] = await db.insert(callbacks).values(callback).returning({ id: callbacks.id });
  if (!row) throw new Error("callback insert returned no row");
  return row.id;
}

export async function getCallback(db: Db, id: number): Promise<CallbackRow | undefined> {
  return db.query.callbacks.findFirst({ where: eq(callbacks.id, id) });
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Every write of a callback's processing result goes through this module: here, inside the
 * transaction that applies the callback's change (so the two commit together) …
 */
export function markCallbackProcessedIn(tx: Tx, id: number, result: string): void {
  tx.update(callbacks).set({ result, processedAt: new Date() }).where(eq(callbacks.id, id)).run();
}

/** … and here, for a callback that ends without changing an order (or is to be retried). */
export async function setCallbackResult(
  db: Db,
  id: number,
  result: string,
  detail: string | null,
  processed: boolean,
): Promise<void> {
  await db
    .update(callbacks)
    .set({ result, detail, processedAt: processed ? new Date() : null })
    .where(eq(callbacks.id, id));
}

/** Callbacks accepted but not yet processed (a crash, or a confirmation that failed). */
export async function listUnprocessedCallbacks(
  db: Db,
  olderThan: Date,
  limit: number,
): Promise<CallbackRow[]> {
  return db
    .select()
    .from(callbacks)
    .where(
      and(inArray(callbacks.result, ["received", "retry"]), lt(callbacks.receivedAt, olderThan)),
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

export async function bumpCallbackAttempts(db: Db, id: number): Promise<void> {
  db.$client.prepare("update callbacks set attempts = attempts + 1 where id = ?").run(id);
}
