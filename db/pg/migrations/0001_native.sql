-- What SQLite does with triggers and FTS5 (db/migrations/0009_overview.sql, 0012_search.sql,
-- 0015_id_fragments.sql), done PostgreSQL's own way.
--
-- 1. The overview's hourly roll-ups, kept by PL/pgSQL triggers in the order's own transaction.
--    Hours are UTC hours (as on SQLite: whole hours since the epoch), whatever the session's
--    time zone. When one change moves an order from one bucket to another, the two buckets
--    are updated in key order, so two transactions never take the same two buckets' locks in
--    opposite orders; a deadlock across several orders of one transaction is broken by
--    PostgreSQL and the transaction run again (db/pg/store.ts).
--
--    Each bucket is kept in up to 16 rows, one per `shard`: a transaction writes the row of
--    its connection's (the server process's id modulo 16). Every order change writes the
--    current hour's buckets; had they one row each, every two transactions at once would
--    write the same row and one of them be refused and run again (SERIALIZABLE): callback
--    processing ran at 118 a second. Readers sum a bucket's rows (db/queries/overview.ts
--    always groups); one shard's count may go below zero when an order leaves a bucket
--    another connection counted it into. The column is PostgreSQL's alone: the drizzle
--    schema, shared with SQLite, does not name it, and nothing but these triggers writes it.
ALTER TABLE topup_hours ADD COLUMN shard smallint NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE topup_hours DROP CONSTRAINT topup_hours_hour_package_id_status_reason_pk;
--> statement-breakpoint
ALTER TABLE topup_hours ADD CONSTRAINT topup_hours_shard_pk PRIMARY KEY (hour, package_id, status, reason, shard);
--> statement-breakpoint
ALTER TABLE topup_durations ADD COLUMN shard smallint NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE topup_durations DROP CONSTRAINT topup_durations_hour_seconds_pk;
--> statement-breakpoint
ALTER TABLE topup_durations ADD CONSTRAINT topup_durations_shard_pk PRIMARY KEY (hour, seconds, shard);
--> statement-breakpoint
ALTER TABLE withdrawal_hours ADD COLUMN shard smallint NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE withdrawal_hours DROP CONSTRAINT withdrawal_hours_hour_status_pk;
--> statement-breakpoint
ALTER TABLE withdrawal_hours ADD CONSTRAINT withdrawal_hours_shard_pk PRIMARY KEY (hour, status, shard);
--> statement-breakpoint
CREATE FUNCTION ops_shard() RETURNS smallint
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (pg_backend_pid() % 16)::smallint $$;
--> statement-breakpoint
CREATE FUNCTION ops_hour(t timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_timestamp(floor(extract(epoch FROM t) / 3600) * 3600) $$;
--> statement-breakpoint
-- The duration buckets of topup_durations, in seconds: the upper bound a completion falls under.
CREATE FUNCTION ops_duration_bucket(created timestamptz, completed timestamptz) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(
      (SELECT b FROM unnest(ARRAY[1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
                                  14400, 43200, 86400]) AS b
        WHERE extract(epoch FROM completed - created) * 1000 <= b * 1000 ORDER BY b LIMIT 1),
      2147483647)
  $$;
--> statement-breakpoint
CREATE FUNCTION ops_topup_add(r topups, sign integer) RETURNS void
  LANGUAGE sql
  AS $$
    INSERT INTO topup_hours AS h (hour, package_id, status, reason, shard, count, amount_satang)
    VALUES (ops_hour(r.created_at), r.package_id, r.status, coalesce(r.reason, ''), ops_shard(),
            sign, sign * r.price_satang)
    ON CONFLICT (hour, package_id, status, reason, shard) DO UPDATE
      SET count = h.count + excluded.count, amount_satang = h.amount_satang + excluded.amount_satang;
  $$;
--> statement-breakpoint
CREATE FUNCTION ops_topup_duration_add(r topups, sign integer) RETURNS void
  LANGUAGE sql
  AS $$
    INSERT INTO topup_durations AS d (hour, seconds, shard, count)
    SELECT ops_hour(r.created_at), ops_duration_bucket(r.created_at, r.completed_at), ops_shard(),
           sign
     WHERE r.completed_at IS NOT NULL
    ON CONFLICT (hour, seconds, shard) DO UPDATE SET count = d.count + excluded.count;
  $$;
--> statement-breakpoint
CREATE FUNCTION ops_topups_rollup() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM ops_topup_add(NEW, 1);
      PERFORM ops_topup_duration_add(NEW, 1);
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM ops_topup_add(OLD, -1);
      PERFORM ops_topup_duration_add(OLD, -1);
    ELSE
      IF (OLD.created_at, OLD.package_id, OLD.status, OLD.reason, OLD.price_satang)
         IS DISTINCT FROM (NEW.created_at, NEW.package_id, NEW.status, NEW.reason, NEW.price_satang)
      THEN
        IF (ops_hour(OLD.created_at), OLD.package_id, OLD.status, coalesce(OLD.reason, ''))
           <= (ops_hour(NEW.created_at), NEW.package_id, NEW.status, coalesce(NEW.reason, ''))
        THEN
          PERFORM ops_topup_add(OLD, -1);
          PERFORM ops_topup_add(NEW, 1);
        ELSE
          PERFORM ops_topup_add(NEW, 1);
          PERFORM ops_topup_add(OLD, -1);
        END IF;
      END IF;
      IF (OLD.created_at, OLD.completed_at) IS DISTINCT FROM (NEW.created_at, NEW.completed_at) THEN
        IF OLD.completed_at IS NULL OR (NEW.completed_at IS NOT NULL AND
             (ops_hour(OLD.created_at), ops_duration_bucket(OLD.created_at, OLD.completed_at))
             <= (ops_hour(NEW.created_at), ops_duration_bucket(NEW.created_at, NEW.completed_at)))
        THEN
          PERFORM ops_topup_duration_add(OLD, -1);
          PERFORM ops_topup_duration_add(NEW, 1);
        ELSE
          PERFORM ops_topup_duration_add(NEW, 1);
          PERFORM ops_topup_duration_add(OLD, -1);
        END IF;
      END IF;
    END IF;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER topups_rollup AFTER INSERT OR DELETE OR UPDATE OF created_at, package_id, status,
  reason, price_satang, completed_at ON topups
  FOR EACH ROW EXECUTE FUNCTION ops_topups_rollup();
--> statement-breakpoint
CREATE FUNCTION ops_withdrawal_add(r withdrawals, sign integer) RETURNS void
  LANGUAGE sql
  AS $$
    INSERT INTO withdrawal_hours AS h (hour, status, shard, count, amount_satang)
    VALUES (ops_hour(r.ordered_at), r.status, ops_shard(), sign, sign * r.amount_satang)
    ON CONFLICT (hour, status, shard) DO UPDATE
      SET count = h.count + excluded.count, amount_satang = h.amount_satang + excluded.amount_satang;
  $$;
--> statement-breakpoint
CREATE FUNCTION ops_withdrawals_rollup() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM ops_withdrawal_add(NEW, 1);
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM ops_withdrawal_add(OLD, -1);
    ELSIF (OLD.ordered_at, OLD.status, OLD.amount_satang)
          IS DISTINCT FROM (NEW.ordered_at, NEW.status, NEW.amount_satang) THEN
      IF (ops_hour(OLD.ordered_at), OLD.status) <= (ops_hour(NEW.ordered_at), NEW.status) THEN
        PERFORM ops_withdrawal_add(OLD, -1);
        PERFORM ops_withdrawal_add(NEW, 1);
      ELSE
        PERFORM ops_withdrawal_add(NEW, 1);
        PERFORM ops_withdrawal_add(OLD, -1);
      END IF;
    END IF;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER withdrawals_rollup AFTER INSERT OR DELETE OR UPDATE OF ordered_at, status,
  amount_satang ON withdrawals
  FOR EACH ROW EXECUTE FUNCTION ops_withdrawals_rollup();
--> statement-breakpoint
-- 2. Search (db/pg/search.ts). Any fragment of 3+ characters in any case, and any prefix, of
--    the columns people type from memory: a trigram index on each one's lower-cased value
--    (pg_trgm serves LIKE '%abc%' and LIKE 'ab%' alike). The logs' ids are searched by
--    prefix only: an index in byte order, which LIKE 'ab%' can use under any collation.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX topups_ref_id_trgm ON topups USING gin (lower(ref_id) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX topups_order_id_trgm ON topups USING gin (lower(order_id) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX topups_game_id_trgm ON topups USING gin (lower(game_id) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX withdrawals_platform_order_id_trgm ON withdrawals USING gin (lower(platform_order_id) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX withdrawals_merchant_order_id_trgm ON withdrawals USING gin (lower(merchant_order_id) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX withdrawals_account_no_trgm ON withdrawals USING gin (lower(account_no) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX withdrawals_account_name_trgm ON withdrawals USING gin (lower(account_name) gin_trgm_ops);
--> statement-breakpoint
-- The planner chooses between collecting a search's matches through these indexes and walking
-- a list's time index, by how many rows it expects to match. With the default statistics
-- (100 samples of each lower-cased value) it guessed 1 % for a fragment like '%2090%' that
-- matches 0.1 %, walked the time index, and took 60–150 ms instead of 2. 3,000 samples make
-- the guess good enough for both choices.
ALTER INDEX topups_ref_id_trgm ALTER COLUMN 1 SET STATISTICS 3000;
--> statement-breakpoint
ALTER INDEX topups_order_id_trgm ALTER COLUMN 1 SET STATISTICS 3000;
--> statement-breakpoint
ALTER INDEX topups_game_id_trgm ALTER COLUMN 1 SET STATISTICS 3000;
--> statement-breakpoint
ALTER INDEX withdrawals_platform_order_id_trgm ALTER COLUMN 1 SET STATISTICS 3000;
--> statement-breakpoint
ALTER INDEX withdrawals_merchant_order_id_trgm ALTER COLUMN 1 SET STATISTICS 3000;
--> statement-breakpoint
ALTER INDEX withdrawals_account_no_trgm ALTER COLUMN 1 SET STATISTICS 3000;
--> statement-breakpoint
ALTER INDEX withdrawals_account_name_trgm ALTER COLUMN 1 SET STATISTICS 3000;
--> statement-breakpoint
CREATE INDEX callbacks_entity_pattern_idx ON callbacks (entity_id text_pattern_ops);
--> statement-breakpoint
CREATE INDEX callbacks_order_pattern_idx ON callbacks (order_id text_pattern_ops);
--> statement-breakpoint
CREATE INDEX upstream_calls_target_pattern_idx ON upstream_calls (target_id text_pattern_ops, at);
