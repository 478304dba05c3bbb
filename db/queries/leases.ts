import { eq } from "drizzle-orm";

import { type Db, withTx } from "../client";
import { leases } from "../schema";
import type { Store } from "../store";

/**
 * Takes or renews a named lease: it succeeds for the current holder, or for anyone once the
 * lease has expired. One statement, so two processes can never both hold it. Timed by the
 * database's clock unless a test gives `now`.
 */
export function acquireLease(
  db: Db,
  name: string,
  holder: string,
  ttlMs: number,
  now?: number,
): Promise<boolean> {
  return db.$store.acquireLease(name, holder, ttlMs, now);
}

export function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  return db.$store.releaseLease(name, holder);
}

/** Deletes the lapsed leases whose names start with `prefix` (workers that are gone). */
export function pruneLapsedLeases(db: Db, prefix: string, now?: number): Promise<void> {
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

/** A lease as one holder took it: the epoch is its fencing token. */
export type HeldLease = { name: string; holder: string; epoch: number };

/**
 * Takes or renews a lease by the database's clock; its epoch, or null while another holds
 * it (db/store.ts, `takeLease`).
 */
export async function takeLease(
  db: Db,
  name: string,
  holder: string,
  ttlMs: number,
): Promise<HeldLease | null> {
  const epoch = await db.$store.takeLease(name, holder, ttlMs);
  return epoch === null ? null : { name, holder, epoch };
}

/** Hands a lease taken with `takeLease` over: it lapses now and keeps its epoch. */
export async function handOverLease(db: Db, lease: { name: string; holder: string }) {
  await db.$store.takeLease(lease.name, lease.holder, 0);
}

/** A fenced transaction found its lease gone: it wrote nothing. */
export class LeaseLostError extends Error {
  constructor(readonly lease: HeldLease) {
    super(`the lease ${lease.name} (epoch ${lease.epoch}) is no longer held by ${lease.holder}`);
  }
}

/**
 * A handle on `db` whose every transaction first checks, inside itself, that `lease` is still
 * held at its epoch, and otherwise writes nothing (`LeaseLostError`): a holder that was paused
 * past its lease, or lost it while working, cannot act after another took it over.
 */
export function fencedBy(db: Db, lease: HeldLease): Db {
  const store = db.$store;
  const fenced: Store = Object.create(store, {
    transaction: {
      value: (
        body: Parameters<Store["transaction"]>[0],
        isolation?: Parameters<Store["transaction"]>[1],
      ) =>
        store.transaction(async (tx) => {
          if (!(await store.holdsLease(tx, lease.name, lease.holder, lease.epoch)))
            throw new LeaseLostError(lease);
          return body(tx);
        }, isolation),
    },
  }) as Store;
  return Object.assign(Object.create(db) as Db, { $store: fenced });
}
