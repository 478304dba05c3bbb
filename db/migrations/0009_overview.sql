CREATE TABLE `topup_durations` (
	`hour` integer NOT NULL,
	`seconds` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`hour`, `seconds`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `topup_hours` (
	`hour` integer NOT NULL,
	`package_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`count` integer NOT NULL,
	`amount_satang` integer NOT NULL,
	PRIMARY KEY(`hour`, `package_id`, `status`, `reason`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `warning_states` (
	`key` text PRIMARY KEY NOT NULL,
	`raised` integer NOT NULL,
	`since` integer NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `withdrawal_hours` (
	`hour` integer NOT NULL,
	`status` text NOT NULL,
	`count` integer NOT NULL,
	`amount_satang` integer NOT NULL,
	PRIMARY KEY(`hour`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `topups_reason_created_idx` ON `topups` (`reason`,`created_at`,`ref_id`);--> statement-breakpoint
CREATE INDEX `balance_snapshots_confirmed_at_idx` ON `balance_snapshots` (`upstream`,`confirmed`,`at`);--> statement-breakpoint
CREATE INDEX `callbacks_upstream_received_idx` ON `callbacks` (`upstream`,`received_at`);--> statement-breakpoint
-- The overview's roll-ups are kept by these triggers, inside the statement that changes an order
-- (db/schema-overview.ts). Duration buckets: upper bounds in seconds; 2147483647 = over a day.
CREATE TRIGGER topups_rollup_insert AFTER INSERT ON topups BEGIN
  INSERT INTO topup_hours (hour, package_id, status, reason, count, amount_satang) VALUES ((new.created_at / 3600000) * 3600000, new.package_id, new.status, coalesce(new.reason, ''), 1, new.price_satang) ON CONFLICT (hour, package_id, status, reason) DO UPDATE SET count = count + 1, amount_satang = amount_satang + excluded.amount_satang;
  INSERT INTO topup_durations (hour, seconds, count) SELECT (new.created_at / 3600000) * 3600000, CASE WHEN (new.completed_at - new.created_at) <= 1000 THEN 1 WHEN (new.completed_at - new.created_at) <= 2000 THEN 2 WHEN (new.completed_at - new.created_at) <= 5000 THEN 5 WHEN (new.completed_at - new.created_at) <= 10000 THEN 10 WHEN (new.completed_at - new.created_at) <= 15000 THEN 15 WHEN (new.completed_at - new.created_at) <= 30000 THEN 30 WHEN (new.completed_at - new.created_at) <= 60000 THEN 60 WHEN (new.completed_at - new.created_at) <= 120000 THEN 120 WHEN (new.completed_at - new.created_at) <= 300000 THEN 300 WHEN (new.completed_at - new.created_at) <= 600000 THEN 600 WHEN (new.completed_at - new.created_at) <= 900000 THEN 900 WHEN (new.completed_at - new.created_at) <= 1800000 THEN 1800 WHEN (new.completed_at - new.created_at) <= 3600000 THEN 3600 WHEN (new.completed_at - new.created_at) <= 7200000 THEN 7200 WHEN (new.completed_at - new.created_at) <= 14400000 THEN 14400 WHEN (new.completed_at - new.created_at) <= 43200000 THEN 43200 WHEN (new.completed_at - new.created_at) <= 86400000 THEN 86400 ELSE 2147483647 END, 1 WHERE new.completed_at IS NOT NULL ON CONFLICT (hour, seconds) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER topups_rollup_update AFTER UPDATE OF created_at, package_id, status, reason, price_satang, completed_at ON topups
WHEN old.created_at IS NOT new.created_at OR old.package_id IS NOT new.package_id OR old.status IS NOT new.status OR old.reason IS NOT new.reason OR old.price_satang IS NOT new.price_satang OR old.completed_at IS NOT new.completed_at
BEGIN
  UPDATE topup_hours SET count = count - 1, amount_satang = amount_satang - old.price_satang WHERE hour = (old.created_at / 3600000) * 3600000 AND package_id = old.package_id AND status = old.status AND reason = coalesce(old.reason, '');
  UPDATE topup_durations SET count = count - 1 WHERE old.completed_at IS NOT NULL AND hour = (old.created_at / 3600000) * 3600000 AND seconds = CASE WHEN (old.completed_at - old.created_at) <= 1000 THEN 1 WHEN (old.completed_at - old.created_at) <= 2000 THEN 2 WHEN (old.completed_at - old.created_at) <= 5000 THEN 5 WHEN (old.completed_at - old.created_at) <= 10000 THEN 10 WHEN (old.completed_at - old.created_at) <= 15000 THEN 15 WHEN (old.completed_at - old.created_at) <= 30000 THEN 30 WHEN (old.completed_at - old.created_at) <= 60000 THEN 60 WHEN (old.completed_at - old.created_at) <= 120000 THEN 120 WHEN (old.completed_at - old.created_at) <= 300000 THEN 300 WHEN (old.completed_at - old.created_at) <= 600000 THEN 600 WHEN (old.completed_at - old.created_at) <= 900000 THEN 900 WHEN (old.completed_at - old.created_at) <= 1800000 THEN 1800 WHEN (old.completed_at - old.created_at) <= 3600000 THEN 3600 WHEN (old.completed_at - old.created_at) <= 7200000 THEN 7200 WHEN (old.completed_at - old.created_at) <= 14400000 THEN 14400 WHEN (old.completed_at - old.created_at) <= 43200000 THEN 43200 WHEN (old.completed_at - old.created_at) <= 86400000 THEN 86400 ELSE 2147483647 END;
  INSERT INTO topup_hours (hour, package_id, status, reason, count, amount_satang) VALUES ((new.created_at / 3600000) * 3600000, new.package_id, new.status, coalesce(new.reason, ''), 1, new.price_satang) ON CONFLICT (hour, package_id, status, reason) DO UPDATE SET count = count + 1, amount_satang = amount_satang + excluded.amount_satang;
  INSERT INTO topup_durations (hour, seconds, count) SELECT (new.created_at / 3600000) * 3600000, CASE WHEN (new.completed_at - new.created_at) <= 1000 THEN 1 WHEN (new.completed_at - new.created_at) <= 2000 THEN 2 WHEN (new.completed_at - new.created_at) <= 5000 THEN 5 WHEN (new.completed_at - new.created_at) <= 10000 THEN 10 WHEN (new.completed_at - new.created_at) <= 15000 THEN 15 WHEN (new.completed_at - new.created_at) <= 30000 THEN 30 WHEN (new.completed_at - new.created_at) <= 60000 THEN 60 WHEN (new.completed_at - new.created_at) <= 120000 THEN 120 WHEN (new.completed_at - new.created_at) <= 300000 THEN 300 WHEN (new.completed_at - new.created_at) <= 600000 THEN 600 WHEN (new.completed_at - new.created_at) <= 900000 THEN 900 WHEN (new.completed_at - new.created_at) <= 1800000 THEN 1800 WHEN (new.completed_at - new.created_at) <= 3600000 THEN 3600 WHEN (new.completed_at - new.created_at) <= 7200000 THEN 7200 WHEN (new.completed_at - new.created_at) <= 14400000 THEN 14400 WHEN (new.completed_at - new.created_at) <= 43200000 THEN 43200 WHEN (new.completed_at - new.created_at) <= 86400000 THEN 86400 ELSE 2147483647 END, 1 WHERE new.completed_at IS NOT NULL ON CONFLICT (hour, seconds) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER topups_rollup_delete AFTER DELETE ON topups BEGIN
  UPDATE topup_hours SET count = count - 1, amount_satang = amount_satang - old.price_satang WHERE hour = (old.created_at / 3600000) * 3600000 AND package_id = old.package_id AND status = old.status AND reason = coalesce(old.reason, '');
  UPDATE topup_durations SET count = count - 1 WHERE old.completed_at IS NOT NULL AND hour = (old.created_at / 3600000) * 3600000 AND seconds = CASE WHEN (old.completed_at - old.created_at) <= 1000 THEN 1 WHEN (old.completed_at - old.created_at) <= 2000 THEN 2 WHEN (old.completed_at - old.created_at) <= 5000 THEN 5 WHEN (old.completed_at - old.created_at) <= 10000 THEN 10 WHEN (old.completed_at - old.created_at) <= 15000 THEN 15 WHEN (old.completed_at - old.created_at) <= 30000 THEN 30 WHEN (old.completed_at - old.created_at) <= 60000 THEN 60 WHEN (old.completed_at - old.created_at) <= 120000 THEN 120 WHEN (old.completed_at - old.created_at) <= 300000 THEN 300 WHEN (old.completed_at - old.created_at) <= 600000 THEN 600 WHEN (old.completed_at - old.created_at) <= 900000 THEN 900 WHEN (old.completed_at - old.created_at) <= 1800000 THEN 1800 WHEN (old.completed_at - old.created_at) <= 3600000 THEN 3600 WHEN (old.completed_at - old.created_at) <= 7200000 THEN 7200 WHEN (old.completed_at - old.created_at) <= 14400000 THEN 14400 WHEN (old.completed_at - old.created_at) <= 43200000 THEN 43200 WHEN (old.completed_at - old.created_at) <= 86400000 THEN 86400 ELSE 2147483647 END;
END;
--> statement-breakpoint
CREATE TRIGGER withdrawals_rollup_insert AFTER INSERT ON withdrawals BEGIN
  INSERT INTO withdrawal_hours (hour, status, count, amount_satang) VALUES ((new.ordered_at / 3600000) * 3600000, new.status, 1, new.amount_satang) ON CONFLICT (hour, status) DO UPDATE SET count = count + 1, amount_satang = amount_satang + excluded.amount_satang;
END;
--> statement-breakpoint
CREATE TRIGGER withdrawals_rollup_update AFTER UPDATE OF ordered_at, status, amount_satang ON withdrawals
WHEN old.ordered_at IS NOT new.ordered_at OR old.status IS NOT new.status OR old.amount_satang IS NOT new.amount_satang
BEGIN
  UPDATE withdrawal_hours SET count = count - 1, amount_satang = amount_satang - old.amount_satang WHERE hour = (old.ordered_at / 3600000) * 3600000 AND status = old.status;
  INSERT INTO withdrawal_hours (hour, status, count, amount_satang) VALUES ((new.ordered_at / 3600000) * 3600000, new.status, 1, new.amount_satang) ON CONFLICT (hour, status) DO UPDATE SET count = count + 1, amount_satang = amount_satang + excluded.amount_satang;
END;
--> statement-breakpoint
CREATE TRIGGER withdrawals_rollup_delete AFTER DELETE ON withdrawals BEGIN
  UPDATE withdrawal_hours SET count = count - 1, amount_satang = amount_satang - old.amount_satang WHERE hour = (old.ordered_at / 3600000) * 3600000 AND status = old.status;
END;
--> statement-breakpoint
-- What the triggers would have built had they always been there.
INSERT INTO topup_hours (hour, package_id, status, reason, count, amount_satang)
SELECT (created_at / 3600000) * 3600000, package_id, status, coalesce(reason, ''), count(*), sum(price_satang)
FROM topups GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO topup_durations (hour, seconds, count)
SELECT (t.created_at / 3600000) * 3600000, CASE WHEN (t.completed_at - t.created_at) <= 1000 THEN 1 WHEN (t.completed_at - t.created_at) <= 2000 THEN 2 WHEN (t.completed_at - t.created_at) <= 5000 THEN 5 WHEN (t.completed_at - t.created_at) <= 10000 THEN 10 WHEN (t.completed_at - t.created_at) <= 15000 THEN 15 WHEN (t.completed_at - t.created_at) <= 30000 THEN 30 WHEN (t.completed_at - t.created_at) <= 60000 THEN 60 WHEN (t.completed_at - t.created_at) <= 120000 THEN 120 WHEN (t.completed_at - t.created_at) <= 300000 THEN 300 WHEN (t.completed_at - t.created_at) <= 600000 THEN 600 WHEN (t.completed_at - t.created_at) <= 900000 THEN 900 WHEN (t.completed_at - t.created_at) <= 1800000 THEN 1800 WHEN (t.completed_at - t.created_at) <= 3600000 THEN 3600 WHEN (t.completed_at - t.created_at) <= 7200000 THEN 7200 WHEN (t.completed_at - t.created_at) <= 14400000 THEN 14400 WHEN (t.completed_at - t.created_at) <= 43200000 THEN 43200 WHEN (t.completed_at - t.created_at) <= 86400000 THEN 86400 ELSE 2147483647 END, count(*)
FROM topups t WHERE t.completed_at IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO withdrawal_hours (hour, status, count, amount_satang)
SELECT (ordered_at / 3600000) * 3600000, status, count(*), sum(amount_satang) FROM withdrawals GROUP BY 1, 2;
