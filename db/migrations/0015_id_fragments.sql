-- Ids searched the way people copy them: the lists show an id's tail (…3F485R9N), people
-- paste a merchant's number without its prefix (2026-000035) or type an id in lower case.
-- The trigram tables now hold the ids too, so any 3+ characters of one, in any case, find
-- it through the index. A top-up's P2W order id arrives after the row is written (the
-- create's answer, or a callback), so that one column is followed on update as well.
DROP TRIGGER `topups_search_insert`;
--> statement-breakpoint
DROP TRIGGER `topups_search_delete`;
--> statement-breakpoint
DROP TABLE `topups_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `topups_search` USING fts5(ref_id, order_id, game_id, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO `topups_search` (rowid, ref_id, order_id, game_id)
  SELECT rowid, ref_id, order_id, game_id FROM `topups`;
--> statement-breakpoint
CREATE TRIGGER `topups_search_insert` AFTER INSERT ON `topups`
BEGIN
  INSERT INTO `topups_search` (rowid, ref_id, order_id, game_id)
    VALUES (new.rowid, new.ref_id, new.order_id, new.game_id);
END;
--> statement-breakpoint
CREATE TRIGGER `topups_search_order_id` AFTER UPDATE OF `order_id` ON `topups`
  WHEN old.order_id IS NOT new.order_id
BEGIN
  UPDATE `topups_search` SET order_id = new.order_id WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `topups_search_delete` AFTER DELETE ON `topups`
BEGIN
  DELETE FROM `topups_search` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
DROP TRIGGER `withdrawals_search_insert`;
--> statement-breakpoint
DROP TRIGGER `withdrawals_search_delete`;
--> statement-breakpoint
DROP TABLE `withdrawals_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `withdrawals_search` USING fts5(platform_order_id, merchant_order_id, account_no, account_name, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO `withdrawals_search` (rowid, platform_order_id, merchant_order_id, account_no, account_name)
  SELECT rowid, platform_order_id, merchant_order_id, account_no, account_name FROM `withdrawals`;
--> statement-breakpoint
CREATE TRIGGER `withdrawals_search_insert` AFTER INSERT ON `withdrawals`
BEGIN
  INSERT INTO `withdrawals_search` (rowid, platform_order_id, merchant_order_id, account_no, account_name)
    VALUES (new.rowid, new.platform_order_id, new.merchant_order_id, new.account_no, new.account_name);
END;
--> statement-breakpoint
CREATE TRIGGER `withdrawals_search_delete` AFTER DELETE ON `withdrawals`
BEGIN
  DELETE FROM `withdrawals_search` WHERE rowid = old.rowid;
END;
