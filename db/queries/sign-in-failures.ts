import { and, count, eq, gte, lt, min } from "drizzle-orm";

import { type Db, withTx } from "../client";
import { signInFailures } from "../schema";

/**
 * Counts an attempt before its password is checked: inserts it as a failure (a success
 * clears the e-mail's failures) unless the e-mail or the address already has its limit of
 * failures since `since` — counted and inserted in one serializable transaction, so two
 * attempts at once, on one instance or two, cannot both take the last place. False: refused.
 */
export async function reserveSignInAttempt(
  db: Db,
  attempt: { email: string; ip: string; at: Date },
  window: { since: Date; perEmail: number; perIp: number },
): Promise<boolean> {
  return withTx(db, async (tx) => {
    const { byEmail, byIp } = await countSignInFailures(tx, { ...attempt, since: window.since });
    if (byEmail >= window.perEmail || byIp >= window.perIp) return false;
    await tx.insert(signInFailures).values(attempt);
    return true;
  });
}

export async function countSignInFailures(
  db: Db,
  { email, ip, since }: { email: string; ip: string; since: Date },
): Promise<{ byEmail: number; byIp: number }> {
  const [byEmail] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gte(signInFailures.at, since)));
  const [byIp] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.ip, ip), gte(signInFailures.at, since)));
  return { byEmail: byEmail?.n ?? 0, byIp: byIp?.n ?? 0 };
}

/**
 * Each e-mail's failures within the window since `since` and the oldest of them, for the
 * users list (locked when the count reaches the limit, until the oldest leaves the window).
 */
export async function recentFailuresByEmail(
  db: Db,
  since: Date,
): Promise<Map<string, { n: number; oldest: Date }>> {
  const rows = await db
    .select({ email: signInFailures.email, n: count(), oldest: min(signInFailures.at) })
    .from(signInFailures)
    .where(gte(signInFailures.at, since))
    .groupBy(signInFailures.email);
  return new Map(rows.map((r) => [r.email, { n: r.n, oldest: r.oldest ?? since }]));
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await withTx(db, (tx) => tx.delete(signInFailures).where(eq(signInFailures.email, email)));
}

export async function pruneSignInFailures(db: Db, before: Date): Promise<void> {
  await withTx(db, (tx) => tx.delete(signInFailures).where(lt(signInFailures.at, before)));
}
