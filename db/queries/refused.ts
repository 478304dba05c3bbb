import { and, eq, sql } from "drizzle-orm";

import type { Tx } from "../client";
import { callbacks, refusedCallbackTally } from "../schema";
import { ALL_ADDRESSES, type RefusedBounds, type RefusedCallback } from "../store";

/**
 * Inside a transaction: stores a refused callback whole while its address and the minute are
 * under `bounds`, otherwise only counts it (the tally's rows for the address and for all
 * addresses). The id, or null when it was only counted. Each database's store runs it in a
 * transaction that no other writer interleaves with (db/store.ts, `storeRefusedCallback`).
 */
export async function storeRefused(
  tx: Tx,
  callback: RefusedCallback,
  minute: Date,
  bounds: RefusedBounds,
): Promise<number | null> {
  const t = refusedCallbackTally;
  const storedFrom = async (ip: string) => {
    const [row] = await tx
      .select({ stored: t.stored })
      .from(t)
      .where(and(eq(t.upstream, callback.upstream), eq(t.ip, ip), eq(t.minute, minute)));
    return row?.stored ?? 0;
  };
  const keep =
    (await storedFrom(callback.ip)) < bounds.perAddress &&
    (await storedFrom(ALL_ADDRESSES)) < bounds.total;
  for (const ip of [callback.ip, ALL_ADDRESSES]) {
    await tx
      .insert(t)
      .values({
        upstream: callback.upstream,
        ip,
        minute,
        stored: keep ? 1 : 0,
        dropped: keep ? 0 : 1,
      })
      .onConflictDoUpdate({
        target: [t.upstream, t.ip, t.minute],
        set: keep ? { stored: sql`${t.stored} + 1` } : { dropped: sql`${t.dropped} + 1` },
      });
  }
  if (!keep) return null;
  const [row] = await tx.insert(callbacks).values(callback).returning({ id: callbacks.id });
  return row?.id ?? null;
}
