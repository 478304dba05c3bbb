CREATE TABLE `refused_callback_tally` (
	`upstream` text NOT NULL,
	`ip` text NOT NULL,
	`minute` integer NOT NULL,
	`stored` integer DEFAULT 0 NOT NULL,
	`dropped` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`upstream`, `ip`, `minute`)
);
--> statement-breakpoint
CREATE INDEX `refused_callback_tally_minute_idx` ON `refused_callback_tally` (`minute`);--> statement-breakpoint
ALTER TABLE `balance_snapshots` ADD `confirmed` integer DEFAULT false NOT NULL;