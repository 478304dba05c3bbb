CREATE TABLE `approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref_id` text NOT NULL,
	`requested_by` integer NOT NULL,
	`requested_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`request_note` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`note` text,
	`reissue_ref_id` text,
	FOREIGN KEY (`ref_id`) REFERENCES `topups`(`ref_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "approvals_status_check" CHECK("approvals"."status" in ('pending', 'approved', 'rejected', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approvals_pending_idx` ON `approvals` (`ref_id`) WHERE "approvals"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX `approvals_idempotency_idx` ON `approvals` (`requested_by`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `approvals_status_idx` ON `approvals` (`status`,`requested_at`,`id`);--> statement-breakpoint
CREATE INDEX `approvals_ref_idx` ON `approvals` (`ref_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `topups_reissue_of_idx` ON `topups` (`reissue_of`);