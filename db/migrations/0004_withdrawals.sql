CREATE TABLE `withdrawals` (
	`platform_order_id` text PRIMARY KEY NOT NULL,
	`merchant_order_id` text NOT NULL,
	`bank` text NOT NULL,
	`account_no` text NOT NULL,
	`account_name` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`status` text NOT NULL,
	`ordered_at` integer NOT NULL,
	`done_at` integer,
	`needs_review` text,
	`reconcile_attempts` integer DEFAULT 0 NOT NULL,
	`next_check_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "withdrawals_status_check" CHECK("withdrawals"."status" in ('open', 'success', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `withdrawals_ordered_idx` ON `withdrawals` (`ordered_at`,`platform_order_id`);--> statement-breakpoint
CREATE INDEX `withdrawals_status_ordered_idx` ON `withdrawals` (`status`,`ordered_at`,`platform_order_id`);--> statement-breakpoint
CREATE INDEX `withdrawals_bank_ordered_idx` ON `withdrawals` (`bank`,`ordered_at`,`platform_order_id`);--> statement-breakpoint
CREATE INDEX `withdrawals_updated_idx` ON `withdrawals` (`updated_at`,`platform_order_id`);--> statement-breakpoint
CREATE INDEX `withdrawals_merchant_order_idx` ON `withdrawals` (`merchant_order_id`);--> statement-breakpoint
CREATE INDEX `withdrawals_account_no_idx` ON `withdrawals` (`account_no`);--> statement-breakpoint
CREATE INDEX `withdrawals_account_name_idx` ON `withdrawals` (`account_name`);--> statement-breakpoint
CREATE INDEX `withdrawals_amount_idx` ON `withdrawals` (`amount_satang`,`ordered_at`);--> statement-breakpoint
CREATE INDEX `withdrawals_next_check_idx` ON `withdrawals` (`next_check_at`);--> statement-breakpoint
CREATE INDEX `withdrawals_review_idx` ON `withdrawals` (`needs_review`,`ordered_at`,`platform_order_id`);