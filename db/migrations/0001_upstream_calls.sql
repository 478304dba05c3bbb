CREATE TABLE `upstream_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`upstream` text NOT NULL,
	`operation` text NOT NULL,
	`target_id` text,
	`actor` text NOT NULL,
	`attempt` integer NOT NULL,
	`http_status` integer,
	`duration_ms` integer NOT NULL,
	`outcome` text NOT NULL,
	`error_code` text,
	`request` text,
	`response` text
);
--> statement-breakpoint
CREATE INDEX `upstream_calls_target_idx` ON `upstream_calls` (`target_id`,`at`);--> statement-breakpoint
CREATE INDEX `upstream_calls_at_idx` ON `upstream_calls` (`at`);