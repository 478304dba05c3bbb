-- Alerts (lib/alerts): the channels they go to, each alert's life, the outbox of messages (one
-- row per transition and channel under a unique key), the days whose digest was made, and
-- when a periodic job last finished (the reconciler's heartbeat).
CREATE TABLE `alert_channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`locale` text NOT NULL,
	`target` text NOT NULL,
	`secret` text,
	`alerts` text NOT NULL,
	`digest` integer NOT NULL,
	`min_severity` text NOT NULL,
	`quiet_from` text,
	`quiet_to` text,
	`active` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `alert_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`channel_id` integer NOT NULL,
	`alert_id` integer,
	`event` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`message` text NOT NULL,
	`created_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`claimed_until` integer,
	`first_tried_at` integer,
	`sent_at` integer,
	FOREIGN KEY (`channel_id`) REFERENCES `alert_channels`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_deliveries_key_unique` ON `alert_deliveries` (`key`);--> statement-breakpoint
CREATE INDEX `alert_deliveries_due_idx` ON `alert_deliveries` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `alert_deliveries_channel_idx` ON `alert_deliveries` (`channel_id`,`id`);--> statement-breakpoint
CREATE TABLE `alert_digests` (
	`day` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`severity` text NOT NULL,
	`raised_at` integer NOT NULL,
	`resolved_at` integer,
	`value` real,
	`threshold` real,
	`detail` text,
	`notified_at` integer NOT NULL,
	`repeats` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_open_idx` ON `alerts` (`kind`,`subject`) WHERE "alerts"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX `alerts_raised_idx` ON `alerts` (`raised_at`);--> statement-breakpoint
CREATE TABLE `heartbeats` (
	`name` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
