-- The live feed's order on PostgreSQL (db/pg/store.ts, `changesSince`).
--
-- History ids come from a sequence when a row is inserted, not when its transaction commits:
-- a transaction that took id 103 may commit after one that took 105. A browser that had
-- seen 105 would never be sent 103. So every history row also carries the id of the
-- transaction that wrote it (`tx_id`), and the feed serves whole transactions in that order,
-- only those older than the oldest transaction still running
-- (`pg_snapshot_xmin(pg_current_snapshot())`): every row such a transaction wrote is already
-- visible, and every row not yet visible belongs to a transaction at or after that point,
-- so it comes after the cursor. The column is PostgreSQL's alone (the drizzle schema, shared
-- with SQLite, does not name it; SQLite writes one transaction at a time, so its ids are in
-- commit order already).
--
-- Rows written before this migration are transaction 0, before every cursor: a browser
-- starts from now, and no single page ever has to hold them all (a constant default also
-- leaves the table unrewritten). New rows take their own transaction's id.
ALTER TABLE status_history ADD COLUMN tx_id xid8 NOT NULL DEFAULT '0';
--> statement-breakpoint
ALTER TABLE status_history ALTER COLUMN tx_id SET DEFAULT pg_current_xact_id();
--> statement-breakpoint
CREATE INDEX status_history_tx_idx ON status_history (tx_id, id);
