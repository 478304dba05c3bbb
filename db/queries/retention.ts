import { and, asc, inArray, isNull, lt, ne, or, isNotNull } from "drizzle-orm";

import { type Db, withTx } from "../client";
import { callbacks, upstreamCalls } from "../schema";

/** One batch of a prune: small, so writers wait milliseconds, not seconds. */
const BATCH = 2_000;

/**
 * Empties the raw bodies of callbacks received before `cutoff`, keeping every other column.
 * A verified callback is pruned only once processed: its body is what processing reads.
 * Walks `callbacks_kept_idx` (rows not yet pruned), oldest first; at most `maxRows`.
 */
export async function pruneCallbackBodies(
  db: Db,
  cutoff: Date,
  maxRows: number,
  now = new Date(),
): Promise<number> {
  return inBatches(maxRows, async (n) => {
    const oldest = db
      .select({ id: callbacks.id })
      .from(callbacks)
      .where(
        and(
          isNull(callbacks.prunedAt),
          lt(callbacks.receivedAt, cutoff),
          or(isNotNull(callbacks.processedAt), ne(callbacks.verification, "ok")),
        ),
      )
      .orderBy(asc(callbacks.receivedAt))
      .limit(n);
    const pruned = await withTx(db, (tx) =>
      tx
        .update(callbacks)
        .set({ rawBody: "", prunedAt: now })
        .where(inArray(callbacks.id, oldest))
        .returning({ id: callbacks.id }),
    );
    return pruned.length;
  });
}

/** Empties the request and response of upstream calls made before `cutoff`. */
export async function pruneCallBodies(
  db: Db,
  cutoff: Date,
  maxRows: number,
  now = new Date(),
): Promise<number> {
  return inBatches(maxRows, async (n) => {
    const oldest = db
      .select({ id: upstreamCalls.id })
      .from(upstreamCalls)
      .where(and(isNull(upstreamCalls.prunedAt), lt(upstreamCalls.at, cutoff)))
      .orderBy(asc(upstreamCalls.at))
      .limit(n);
    const pruned = await withTx(db, (tx) =>
      tx
        .update(upstreamCalls)
        .set({ request: null, response: null, prunedAt: now })
        .where(inArray(upstreamCalls.id, oldest))
        .returning({ id: upstreamCalls.id }),
    );
    return pruned.length;
  });
}

/** Runs batches until one comes back short or `maxRows` is reached, yielding in between. */
async function inBatches(maxRows: number, batch: (n: number) => Promise<number>): Promise<number> {
  let total = 0;
  while (total < maxRows) {
    const n = await batch(Math.min(BATCH, maxRows - total));
    total += n;
    if (n < BATCH) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}
