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
