ALTER TABLE `callbacks` ADD `headers` text;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `pruned_at` integer;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `replayed_at` integer;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `replayed_by` integer;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `replay_result` text;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `replays` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `callbacks_order_idx` ON `callbacks` (`order_id`);--> statement-breakpoint
CREATE INDEX `callbacks_upstream_verification_idx` ON `callbacks` (`upstream`,`verification`,`received_at`);--> statement-breakpoint
CREATE INDEX `callbacks_upstream_result_idx` ON `callbacks` (`upstream`,`result`,`received_at`);--> statement-breakpoint
CREATE INDEX `callbacks_kept_idx` ON `callbacks` (`received_at`) WHERE "callbacks"."pruned_at" is null;--> statement-breakpoint
ALTER TABLE `upstream_calls` ADD `pruned_at` integer;--> statement-breakpoint
CREATE INDEX `upstream_calls_op_outcome_idx` ON `upstream_calls` (`operation`,`outcome`,`at`);--> statement-breakpoint
CREATE INDEX `upstream_calls_stats_idx` ON `upstream_calls` (`operation`,`at`,`outcome`,`duration_ms`);--> statement-breakpoint
CREATE INDEX `upstream_calls_kept_idx` ON `upstream_calls` (`at`) WHERE "upstream_calls"."pruned_at" is null;