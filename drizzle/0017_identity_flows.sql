CREATE TABLE `sign_in_flows` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`user_id` int NOT NULL,
	`first_proof` varchar(32) NOT NULL,
	`assurance` tinyint unsigned NOT NULL,
	`step` varchar(32) NOT NULL,
	`ip` varchar(45),
	`user_agent` varchar(512),
	`expires_at` datetime(3) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`completed_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `sign_in_flows_id` PRIMARY KEY(`id`),
	CONSTRAINT `sign_in_flows_token_unique` UNIQUE(`token_hash`)
);
--> statement-breakpoint
ALTER TABLE `users` MODIFY COLUMN `email` varchar(254);--> statement-breakpoint
ALTER TABLE `sessions` ADD `assurance` tinyint unsigned DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `password_changed_at` datetime(3);--> statement-breakpoint
ALTER TABLE `sign_in_flows` ADD CONSTRAINT `sign_in_flows_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `sign_in_flows_user_idx` ON `sign_in_flows` (`user_id`);--> statement-breakpoint
CREATE INDEX `sign_in_flows_expires_idx` ON `sign_in_flows` (`expires_at`);--> statement-breakpoint
UPDATE `sessions` SET `assurance` = 0 WHERE `impersonator_id` IS NOT NULL;