import type { Db } from "../client";

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
  const statement = db.$client.prepare(
    `update callbacks set raw_body = '', pruned_at = ?
     where id in (
       select id from callbacks
       where pruned_at is null and received_at < ?
         and (processed_at is not null or verification <> 'ok')
       order by received_at limit ?)`,
  );
  return inBatches(maxRows, (n) => statement.run(now.getTime(), cutoff.getTime(), n).changes);
}

/** Empties the request and response of upstream calls made before `cutoff`. */
export async function pruneCallBodies(
  db: Db,
  cutoff: Date,
  maxRows: number,
  now = new Date(),
): Promise<number> {
  const statement = db.$client.prepare(
    `update upstream_calls set request = null, response = null, pruned_at = ?
     where id in (
       select id from upstream_calls where pruned_at is null and at < ? order by at limit ?)`,
  );
  return inBatches(maxRows, (n) => statement.run(now.getTime(), cutoff.getTime(), n).changes);
}

/** Runs batches until one comes back short or `maxRows` is reached, yielding in between. */
async function inBatches(maxRows: number, batch: (n: number) => number): Promise<number> {
  let total = 0;
  while (total < maxRows) {
    const n = batch(Math.min(BATCH, maxRows - total));
    total += n;
    if (n < BATCH) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}
