import type pg from "pg";

import type { CallbackRow } from "../schema";
import { callbacks } from "./schema";

/**
 * Who holds what on PostgreSQL: leases (the reconciler's, each callback worker's liveness)
 * and the claims of stored callbacks and alert messages, each one statement, timed by the
 * database's clock (the instances' own may differ) unless a test gives its instant.
 */

/**
 * "Now" in a statement: the instant given (a test's), or else the database's clock, the one
 * every instance shares.
 */
const CLOCK = (param: string) => `coalesce(${param}::timestamptz, clock_timestamp())`;
const instantOrNull = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));

export async function acquireLeasePostgres(
  pool: pg.Pool,
  name: string,
  holder: string,
  ttlMs: number,
  now?: number,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    `insert into leases (name, holder, expires_at)
     values ($1, $2, ${CLOCK("$4")} + $3 * interval '1 millisecond')
     on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
     where leases.holder = excluded.holder or leases.expires_at < ${CLOCK("$4")}`,
    [name, holder, ttlMs, instantOrNull(now)],
  );
  return (rowCount ?? 0) > 0;
}

export async function releaseLeasePostgres(
  pool: pg.Pool,
  name: string,
  holder: string,
): Promise<void> {
  await pool.query("delete from leases where name = $1 and holder = $2", [name, holder]);
}

export async function takeLeasePostgres(
  pool: pg.Pool,
  name: string,
  holder: string,
  ttlMs: number,
): Promise<number | null> {
  const { rows } = await pool.query<{ epoch: number }>(
    `insert into leases as l (name, holder, expires_at, epoch)
     values ($1, $2, clock_timestamp() + $3 * interval '1 millisecond', 1)
     on conflict (name) do update set
       holder = excluded.holder, expires_at = excluded.expires_at,
       epoch = case when l.holder = excluded.holder and l.expires_at >= clock_timestamp()
                    then l.epoch else l.epoch + 1 end
     where l.holder = excluded.holder or l.expires_at < clock_timestamp()
     returning epoch`,
    [name, holder, ttlMs],
  );
  return rows[0]?.epoch ?? null;
}

export async function pruneLapsedLeasesPostgres(
  pool: pg.Pool,
  prefix: string,
  now?: number,
): Promise<void> {
  await pool.query(
    `delete from leases where left(name, length($1)) = $1 and expires_at < ${CLOCK("$2")}`,
    [prefix, instantOrNull(now)],
  );
}

export async function holdsLeasePostgres(
  client: pg.Pool | pg.PoolClient,
  name: string,
  holder: string,
  epoch: number,
): Promise<boolean> {
  // FOR SHARE: a renewal by another holder waits until this transaction ends.
  const { rows } = await client.query(
    `select 1 from leases
      where name = $1 and holder = $2 and epoch = $3 and expires_at >= clock_timestamp()
      for share`,
    [name, holder, epoch],
  );
  return rows.length > 0;
}

export async function claimCallbacksPostgres(
  pool: pg.Pool,
  upstreams: readonly string[],
  limit: number,
  claimMs: number,
  holder: string,
  now?: number,
): Promise<Pick<CallbackRow, "id" | "upstream">[]> {
  if (upstreams.length === 0 || limit <= 0) return [];
  // SKIP LOCKED: rows another worker is claiming right now are passed over, not waited for.
  // The pick is materialized once and the update joins it: an `update … where id in
  // (select … limit … for update skip locked)` may run its subquery again when a row it
  // updates was changed meanwhile, and then claim other rows than it locked. It walks the
  // waiting rows' own index (callbacks_waiting_idx, migration 0004); a worker taking every
  // upstream names none, so the upstream/result index is no alternative to the planner.
  const every = callbacks.upstream.enumValues.every((upstream) => upstreams.includes(upstream));
  const { rows } = await pool.query<Pick<CallbackRow, "id" | "upstream">>(
    `with picked as materialized (
       select id from callbacks
        where result = 'received' and ($3::text[] is null or upstream = any($3))
          and (claimed_until is null or claimed_until < ${CLOCK("$4")}
               or (claimed_by <> $2
                   and not exists (select 1 from leases
                                    where name = 'callback-worker:' || callbacks.claimed_by
                                      and expires_at >= ${CLOCK("$4")})))
        order by received_at, id
        limit $5
        for update skip locked)
     update callbacks
        set claimed_until = ${CLOCK("$4")} + $1 * interval '1 millisecond', claimed_by = $2
       from picked where callbacks.id = picked.id
     returning callbacks.id, callbacks.upstream`,
    [claimMs, holder, every ? null : upstreams, instantOrNull(now), limit],
  );
  return rows.sort((a, b) => a.id - b.id);
}

export async function claimDeliveryPostgres(
  pool: pg.Pool,
  now: Date,
  until: Date,
  key?: string,
): Promise<number | undefined> {
  const { rows } = await pool.query<{ id: number }>(
    `with picked as materialized (
       select id from alert_deliveries
        where status = 'pending' and due_at <= $1
          and (claimed_until is null or claimed_until < $1)
          and ($3::text is null or key = $3)
        order by due_at, id
        limit 1
        for update skip locked)
     update alert_deliveries set claimed_until = $2
       from picked where alert_deliveries.id = picked.id
     returning alert_deliveries.id`,
    [now, until, key ?? null],
  );
  return rows[0]?.id;
}
