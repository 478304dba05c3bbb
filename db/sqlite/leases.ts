import type Database from "better-sqlite3";

import type { CallbackRow } from "./schema";
import { prepared } from "./connections";

/**
 * Who holds what on SQLite: leases (the reconciler's, each callback worker's liveness) and
 * the claims of stored callbacks and alert messages, each one statement on the writer (which
 * is alone: nobody else writes in between). "Now" is the machine's clock when a test gives
 * none; SQLite's own is the same clock.
 */

/** SQLite's clock in milliseconds, as instants are stored. */
const DB_NOW = "cast(unixepoch('subsec') * 1000 as integer)";

export function acquireLeaseSqlite(
  w: Database.Database,
  name: string,
  holder: string,
  ttlMs: number,
  now = Date.now(),
): boolean {
  return (
    prepared(
      w,
      `insert into leases (name, holder, expires_at) values (?, ?, ?)
       on conflict(name) do update set holder = excluded.holder, expires_at = excluded.expires_at
       where leases.holder = excluded.holder or leases.expires_at < ?`,
    ).run(name, holder, now + ttlMs, now).changes > 0
  );
}

export function releaseLeaseSqlite(w: Database.Database, name: string, holder: string): void {
  prepared(w, "delete from leases where name = ? and holder = ?").run(name, holder);
}

export function takeLeaseSqlite(
  w: Database.Database,
  name: string,
  holder: string,
  ttlMs: number,
): number | null {
  const row = prepared(
    w,
    `insert into leases (name, holder, expires_at, epoch) values (?, ?, ${DB_NOW} + ?, 1)
     on conflict(name) do update set
       holder = excluded.holder, expires_at = excluded.expires_at,
       epoch = case when leases.holder = excluded.holder and leases.expires_at >= ${DB_NOW}
                    then leases.epoch else leases.epoch + 1 end
     where leases.holder = excluded.holder or leases.expires_at < ${DB_NOW}
     returning epoch`,
  ).get(name, holder, ttlMs) as { epoch: number } | undefined;
  return row?.epoch ?? null;
}

/** Read on the writer inside the caller's transaction: nobody else can write the lease meanwhile. */
export function holdsLeaseSqlite(
  w: Database.Database,
  name: string,
  holder: string,
  epoch: number,
): boolean {
  return (
    prepared(
      w,
      `select 1 from leases where name = ? and holder = ? and epoch = ? and expires_at >= ${DB_NOW}`,
    ).get(name, holder, epoch) !== undefined
  );
}

export function pruneLapsedLeasesSqlite(
  w: Database.Database,
  prefix: string,
  now = Date.now(),
): void {
  prepared(w, "delete from leases where substr(name, 1, ?) = ? and expires_at < ?").run(
    prefix.length,
    prefix,
    now,
  );
}

/** Walks callbacks_pending_idx (result, received_at): only the waiting rows are read. */
export function claimCallbacksSqlite(
  w: Database.Database,
  upstreams: readonly string[],
  limit: number,
  claimMs: number,
  holder: string,
  now = Date.now(),
): Pick<CallbackRow, "id" | "upstream">[] {
  const places = upstreams.map(() => "?").join(", ");
  return prepared(
    w,
    `update callbacks set claimed_until = ?, claimed_by = ?
        where id in (
          select id from callbacks
           where result = 'received' and upstream in (${places})
             and (claimed_until is null or claimed_until < ?
                  or (claimed_by <> ?
                      and not exists (select 1 from leases
                                       where name = 'callback-worker:' || callbacks.claimed_by
                                         and expires_at >= ?)))
           order by received_at, id
           limit ?)
        returning id, upstream`,
  ).all(now + claimMs, holder, ...upstreams, now, holder, now, limit) as Pick<
    CallbackRow,
    "id" | "upstream"
  >[];
}

export function claimDeliverySqlite(
  w: Database.Database,
  now: Date,
  until: Date,
  key?: string,
): number | undefined {
  const row = prepared(
    w,
    `update alert_deliveries set claimed_until = ?
      where id = (
        select id from alert_deliveries
         where status = 'pending' and due_at <= ?
           and (claimed_until is null or claimed_until < ?)
           and (? is null or key = ?)
         order by due_at, id
         limit 1)
      returning id`,
  ).get(until.getTime(), now.getTime(), now.getTime(), key ?? null, key ?? null) as
    { id: number } | undefined;
  return row?.id;
}
