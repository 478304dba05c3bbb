CREATE TABLE `applied_events` (
	`key` text PRIMARY KEY NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `balance_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`upstream` text NOT NULL,
	`balance_satang` integer NOT NULL,
	`source` text NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `balance_snapshots_upstream_idx` ON `balance_snapshots` (`upstream`,`id`);--> statement-breakpoint
CREATE TABLE `callbacks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`upstream` text NOT NULL,
	`received_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`raw_body` text NOT NULL,
	`verification` text NOT NULL,
	`entity_id` text,
	`order_id` text,
	`ip` text,
	`result` text NOT NULL,
	`detail` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`processed_at` integer
);
--> statement-breakpoint
CREATE INDEX `callbacks_pending_idx` ON `callbacks` (`result`,`received_at`);--> statement-breakpoint
CREATE INDEX `callbacks_entity_idx` ON `callbacks` (`entity_id`);--> statement-breakpoint
CREATE INDEX `callbacks_received_idx` ON `callbacks` (`received_at`);--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `packages` (
	`package_id` text PRIMARY KEY NOT NULL,
	`game` text NOT NULL,
	`name` text NOT NULL,
	`price_satang` integer NOT NULL,
	`active` integer NOT NULL,
	`fields` text NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`actor` text NOT NULL,
	`details` text,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `status_history_entity_idx` ON `status_history` (`entity_type`,`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `topups` (
	`ref_id` text PRIMARY KEY NOT NULL,
	`order_id` text,
	`package_id` text NOT NULL,
	`topup_info` text NOT NULL,
	`game_id` text,
	`status` text NOT NULL,
	`reason` text,
	`price_satang` integer NOT NULL,
	`created_by` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`request_hash` text NOT NULL,
	`reissue_of` text,
	`needs_review` text,
	`reviewed_at` integer,
	`reconcile_attempts` integer DEFAULT 0 NOT NULL,
	`next_check_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`package_id`) REFERENCES `packages`(`package_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "topups_status_check" CHECK("topups"."status" in ('submitting', 'unknown', 'pending', 'processing', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topups_orderId_unique` ON `topups` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `topups_idempotency_idx` ON `topups` (`created_by`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `topups_created_idx` ON `topups` (`created_at`,`ref_id`);--> statement-breakpoint
CREATE INDEX `topups_status_created_idx` ON `topups` (`status`,`created_at`,`ref_id`);--> statement-breakpoint
CREATE INDEX `topups_package_created_idx` ON `topups` (`package_id`,`created_at`,`ref_id`);--> statement-breakpoint
CREATE INDEX `topups_creator_created_idx` ON `topups` (`created_by`,`created_at`,`ref_id`);--> statement-breakpoint
CREATE INDEX `topups_updated_idx` ON `topups` (`updated_at`,`ref_id`);--> statement-breakpoint
CREATE INDEX `topups_game_id_idx` ON `topups` (`game_id`);--> statement-breakpoint
CREATE INDEX `topups_next_check_idx` ON `topups` (`next_check_at`);--> statement-breakpoint
CREATE INDEX `topups_review_idx` ON `topups` (`needs_review`,`created_at`);