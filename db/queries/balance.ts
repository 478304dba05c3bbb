import { desc, eq } from "drizzle-orm";

import type { Db } from "../client";
import { balanceSnapshots } from "../schema";

export async function recordBalance(
  db: Db,
  upstream: string,
  balanceSatang: number,
  source: string,
): Promise<void> {
  await db.insert(balanceSnapshots).values({ upstream, balanceSatang, source });
}

export async function lastBalance(
  db: Db,
  upstream: string,
): Promise<{ balanceSatang: number; at: Date } | null> {
  const [row] = await db
    .select({ balanceSatang: balanceSnapshots.balanceSatang, at: balanceSnapshots.at })
    .from(balanceSnapshots)
    .where(eq(balanceSnapshots.upstream, upstream))
    .orderBy(desc(balanceSnapshots.id))
    .limit(1);
  return row ?? null;
}
