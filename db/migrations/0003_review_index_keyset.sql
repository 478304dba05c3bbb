DROP INDEX `topups_review_idx`;--> statement-breakpoint
CREATE INDEX `topups_review_idx` ON `topups` (`needs_review`,`created_at`,`ref_id`);