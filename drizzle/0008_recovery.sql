CREATE TABLE `verification_tokens` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`purpose` enum('verify_email','verify_phone','password_reset','sign_in') NOT NULL,
	`user_id` int NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`target` varchar(320) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `verification_tokens_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `users` ADD `email_verified_at` datetime(3);--> statement-breakpoint
ALTER TABLE `users` ADD `phone_verified_at` datetime(3);--> statement-breakpoint
ALTER TABLE `users` ADD `pending_email` varchar(254);--> statement-breakpoint
ALTER TABLE `users` ADD `pending_phone` varchar(16);--> statement-breakpoint
ALTER TABLE `users` ADD `locale` enum('th','en');--> statement-breakpoint
ALTER TABLE `verification_tokens` ADD CONSTRAINT `verification_tokens_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `verification_tokens_hash_idx` ON `verification_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `verification_tokens_user_purpose_idx` ON `verification_tokens` (`user_id`,`purpose`,`used_at`);--> statement-breakpoint
CREATE INDEX `verification_tokens_expires_idx` ON `verification_tokens` (`expires_at`);