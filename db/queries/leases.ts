import { eq } from "drizzle-orm";

import { type Db, withTx } from "../client";
import { leases } from "../schema";

/**
 * Takes or renews a named lease: it succeeds for the current holder, or for anyone once the
 * lease has expired. One statement, so two processes can never both hold it.
 */
export function acquireLease(
  db: Db,
  name: string,
  holder: string,
  ttlMs: number,
  now = Date.now(),
): Promise<boolean> {
  return db.$store.acquireLease(name, holder, ttlMs, now);
}

export function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  return db.$store.releaseLease(name, holder);
}

/** Deletes the lapsed leases whose names start with `prefix` (workers that are gone). */
export function pruneLapsedLeases(db: Db, prefix: string, now = Date.now()): Promise<void> {
  return db.$store.pruneLapsedLeases(prefix, now);
}

/** Whether a scheduled job (kept as a lease row whose expiry is its next run) is due. */
export async function jobDue(db: Db, name: string, now = Date.now()): Promise<boolean> {
  const [row] = await db.select({ at: leases.expiresAt }).from(leases).where(eq(leases.name, name));
  return !row || row.at.getTime() <= now;
}

/** Sets a scheduled job's next run. */
export async function scheduleJob(db: Db, name: string, at: number): Promise<void> {
  await withTx(db, (tx) =>
    tx
      .insert(leases)
      .values({ name, holder: "schedule", expiresAt: new Date(at) })
      .onConflictDoUpdate({ target: leases.name, set: { expiresAt: new Date(at) } }),
  );
}
