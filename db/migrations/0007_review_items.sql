CREATE TABLE `review_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`entity_id` text NOT NULL,
	`reason` text NOT NULL,
	`detail` text,
	`opened_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`claimed_by` integer,
	`claimed_at` integer,
	`resolved_at` integer,
	`resolved_by` integer,
	`outcome` text,
	`note` text,
	FOREIGN KEY (`claimed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "review_items_reason_check" CHECK("review_items"."reason" in ('failed', 'stuck', 'conflict', 'anomaly', 'unknown_outcome'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_items_open_idx` ON `review_items` (`kind`,`entity_id`,`reason`) WHERE "review_items"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX `review_items_queue_idx` ON `review_items` (`resolved_at`,`reason`,`opened_at`,`id`);--> statement-breakpoint
CREATE INDEX `review_items_entity_idx` ON `review_items` (`kind`,`entity_id`,`id`);--> statement-breakpoint
-- Back-fill: every order already waiting for a decision gets its open item.
INSERT INTO `review_items` (`kind`, `entity_id`, `reason`, `detail`, `opened_at`)
SELECT 'topup', `ref_id`, 'failed', json_object('reason', `reason`, 'backfilled', 1), coalesce(`completed_at`, `updated_at`)
FROM `topups` WHERE `status` = 'failed';--> statement-breakpoint
INSERT INTO `review_items` (`kind`, `entity_id`, `reason`, `detail`, `opened_at`)
SELECT 'topup', `ref_id`, `needs_review`, json_object('backfilled', 1), `updated_at`
FROM `topups` WHERE `needs_review` IS NOT NULL;--> statement-breakpoint
INSERT INTO `review_items` (`kind`, `entity_id`, `reason`, `detail`, `opened_at`)
SELECT 'withdrawal', `platform_order_id`, 'failed', json_object('backfilled', 1), coalesce(`done_at`, `updated_at`)
FROM `withdrawals` WHERE `status` = 'failed';--> statement-breakpoint
INSERT INTO `review_items` (`kind`, `entity_id`, `reason`, `detail`, `opened_at`)
SELECT 'withdrawal', `platform_order_id`, `needs_review`, json_object('backfilled', 1), `updated_at`
FROM `withdrawals` WHERE `needs_review` IS NOT NULL;
