import type { Db } from "../client";

/**
 * Takes or renews a named lease: it succeeds for the current holder, or for anyone once the
 * lease has expired. One statement, so two processes can never both hold it.
 */
export async function acquireLease(
  db: Db,
  name: string,
  holder: string,
  ttlMs: number,
  now = Date.now(),
): Promise<boolean> {
  const result = db.$client
    .prepare(
      `insert into leases (name, holder, expires_at) values (?, ?, ?)
       on conflict(name) do update set holder = excluded.holder, expires_at = excluded.expires_at
       where leases.holder = excluded.holder or leases.expires_at < ?`,
    )
    .run(name, holder, now + ttlMs, now);
  return result.changes > 0;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  db.$client.prepare("delete from leases where name = ? and holder = ?").run(name, holder);
}

/** Deletes the lapsed leases whose names start with `prefix` (workers that are gone). */
export function pruneLapsedLeases(db: Db, prefix: string, now = Date.now()): void {
  db.$client
    .prepare("delete from leases where substr(name, 1, ?) = ? and expires_at < ?")
    .run(prefix.length, prefix, now);
}

/** Whether a scheduled job (kept as a lease row whose expiry is its next run) is due. */
export async function jobDue(db: Db, name: string, now = Date.now()): Promise<boolean> {
  const row = db.$client.prepare("select expires_at as at from leases where name = ?").get(name) as
    { at: number } | undefined;
  return !row || row.at <= now;
}

/** Sets a scheduled job's next run. */
export async function scheduleJob(db: Db, name: string, at: number): Promise<void> {
  db.$client
    .prepare(
      `insert into leases (name, holder, expires_at) values (?, 'schedule', ?)
       on conflict(name) do update set expires_at = excluded.expires_at`,
    )
    .run(name, at);
}
