ALTER TABLE `sessions` ADD `proved_at` datetime(3);--> statement-breakpoint
-- Until now a session was only ever made by a proof (a password, a code), so it was last proved when it began.
UPDATE `sessions` SET `proved_at` = `created_at` WHERE `proved_at` IS NULL;
