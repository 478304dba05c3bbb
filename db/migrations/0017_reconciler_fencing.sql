CREATE TABLE `reconciler_passes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`holder` text NOT NULL,
	`epoch` integer NOT NULL,
	`started_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`finished_at` integer,
	`outcome` text,
	`summary` text
);
--> statement-breakpoint
CREATE INDEX `reconciler_passes_started_idx` ON `reconciler_passes` (`started_at`);--> statement-breakpoint
ALTER TABLE `leases` ADD `epoch` integer DEFAULT 0 NOT NULL;