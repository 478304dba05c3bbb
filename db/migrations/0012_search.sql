-- Fragment search (any 3+ characters, case-insensitive) over the free-text columns people
-- type from memory: a player's id, an account number's digits, an account holder's names.
-- FTS5 trigram tables keep their own copy of those columns with the row's id; each row's
-- rowid is its order's rowid, so the triggers find it without a scan. The columns are fixed
-- once written (lib/withdrawals/observe.ts), so only insert and delete are followed.
CREATE VIRTUAL TABLE `topups_search` USING fts5(ref_id UNINDEXED, game_id, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO `topups_search` (rowid, ref_id, game_id)
  SELECT rowid, ref_id, game_id FROM `topups` WHERE game_id IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `topups_search_insert` AFTER INSERT ON `topups` WHEN new.game_id IS NOT NULL
BEGIN
  INSERT INTO `topups_search` (rowid, ref_id, game_id) VALUES (new.rowid, new.ref_id, new.game_id);
END;
--> statement-breakpoint
CREATE TRIGGER `topups_search_delete` AFTER DELETE ON `topups`
BEGIN
  DELETE FROM `topups_search` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `withdrawals_search` USING fts5(platform_order_id UNINDEXED, account_no, account_name, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO `withdrawals_search` (rowid, platform_order_id, account_no, account_name)
  SELECT rowid, platform_order_id, account_no, account_name FROM `withdrawals`;
--> statement-breakpoint
CREATE TRIGGER `withdrawals_search_insert` AFTER INSERT ON `withdrawals`
BEGIN
  INSERT INTO `withdrawals_search` (rowid, platform_order_id, account_no, account_name)
    VALUES (new.rowid, new.platform_order_id, new.account_no, new.account_name);
END;
--> statement-breakpoint
CREATE TRIGGER `withdrawals_search_delete` AFTER DELETE ON `withdrawals`
BEGIN
  DELETE FROM `withdrawals_search` WHERE rowid = old.rowid;
END;
