import { and, desc, eq, lte } from "drizzle-orm";

import type { Db, Tx } from "../client";
import { balanceSnapshots } from "../schema";

export type NewBalance = {
  upstream: string;
  balanceSatang: number;
  /** Where the figure came from, e.g. `callback:42`. */
  source: string;
  /** A signed read agreed with the report that carried the figure. */
  confirmed: boolean;
};

/** Records a balance inside the transaction that applies the report carrying it. */
export async function recordBalanceIn(tx: Tx, balance: NewBalance): Promise<void> {
  await tx.insert(balanceSnapshots).values(balance);
}

export type KnownBalance = { balanceSatang: number; at: Date; source: string; confirmed: boolean };

/**
 * The last balance of an upstream. By default only a confirmed figure: a forged callback
 * must not move what people are told or warned about.
 */
export async function lastBalance(
  db: Db,
  upstream: string,
  options: { includeUnconfirmed?: boolean; atOrBefore?: Date } = {},
): Promise<KnownBalance | null> {
  const [row] = await db
    .select({
      balanceSatang: balanceSnapshots.balanceSatang,
      at: balanceSnapshots.at,
      source: balanceSnapshots.source,
      confirmed: balanceSnapshots.confirmed,
    })
    .from(balanceSnapshots)
    .where(
      and(
        eq(balanceSnapshots.upstream, upstream),
        options.includeUnconfirmed ? undefined : eq(balanceSnapshots.confirmed, true),
        options.atOrBefore ? lte(balanceSnapshots.at, options.atOrBefore) : undefined,
      ),
    )
    .orderBy(desc(balanceSnapshots.id))
    .limit(1);
  return row ?? null;
}
