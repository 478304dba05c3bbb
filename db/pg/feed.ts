import type pg from "pg";

import type { ChangeFeedPage } from "../store";

type Row = {
  latest: number;
  tx: number | null;
  entity_type: "topup" | "withdrawal" | null;
  entity_id: string | null;
};

/**
 * The feed's horizon: the oldest transaction still running that may write here — the
 * snapshot's running ones, less those `pg_stat_activity` places in another database of the
 * server (a long import there must not hold this feed back). One it cannot place (finished
 * meanwhile, or another role's, whose details are hidden) is kept: that only waits longer.
 * The activity row is matched on the transaction id's low 32 bits (`backend_xid` is `xid`),
 * which name one transaction among those running. With none left: the next id to be given.
 */
const HORIZON = `(
  select coalesce(
    (select min(x) from pg_snapshot_xip(c.snap) x
      where not exists (
        select 1 from pg_stat_activity a
         where a.backend_xid is not null
           and a.datname is distinct from current_database()
           and a.backend_xid::text::bigint = x::text::bigint % 4294967296)),
    pg_snapshot_xmax(c.snap)) as xmin
  from (select pg_current_snapshot() as snap) c
)`;

/**
 * The live feed on PostgreSQL: whole transactions in the order of their ids, only those
 * older than the oldest that may still write here (the horizon) — everything they wrote is
 * visible, and whatever is not visible yet comes later in that order
 * (db/pg/migrations/0003_feed_order.sql). The cursor is a transaction id.
 *
 * One statement per poll: the horizon (the oldest running transaction) is read once and
 * both bounds the page and answers a cursor this feed never gave out (one at or past the
 * horizon: from before an upgrade, or from another database), which starts that browser
 * from now.
 */
export async function changesSincePostgres(
  client: pg.Pool | pg.PoolClient,
  since: number,
  limit: number,
): Promise<ChangeFeedPage> {
  const { rows } = await client.query<Row>(
    `select h.xmin::text::bigint - 1 as latest, s.tx, s.entity_type, s.entity_id
       from ${HORIZON} h
       left join lateral (
         select tx_id::text::bigint as tx, entity_type, entity_id from status_history
          where $1::bigint < h.xmin::text::bigint
            and tx_id > $1::text::xid8 and tx_id < h.xmin
          order by tx_id, id limit $2
       ) s on true`,
    [String(since), limit + 1],
  );
  const latest = Number(rows[0]?.latest ?? 0);
  if (since > latest) return { cursor: latest, changes: [] };
  let page = rows.filter((row) => row.tx !== null);
  if (page.length > limit) {
    // The page ends inside a transaction: leave it for the next page, or, when it is the
    // only one, serve it whole.
    const last = page[page.length - 1]?.tx;
    page = page.filter((row) => row.tx !== last);
    if (page.length === 0)
      page = (
        await client.query<Row>(
          `select tx_id::text::bigint as tx, entity_type, entity_id from status_history
            where tx_id = $1::text::xid8 order by id`,
          [String(last)],
        )
      ).rows;
  }
  return {
    cursor: page.at(-1)?.tx ?? since,
    changes: page.map((row) => ({
      entityType: row.entity_type as "topup" | "withdrawal",
      entityId: row.entity_id as string,
    })),
  };
}

/** The cursor a new browser starts from: just before the horizon. */
export async function latestChangePostgres(client: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ cursor: number }>(
    `select h.xmin::text::bigint - 1 as cursor from ${HORIZON} h`,
  );
  return Number(rows[0]?.cursor ?? 0);
}
