import { and, count, eq, gte, lt } from "drizzle-orm";

import type { Db } from "../client";
import { signInFailures } from "../schema";

export async function recordSignInFailure(
  db: Db,
  failure: { email: string; ip: string; at: Date },
): Promise<void> {
  await db.insert(signInFailures).values(failure);
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

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}

export async function pruneSignInFailures(db: Db, before: Date): Promise<void> {
  await db.delete(signInFailures).where(lt(signInFailures.at, before));
}
