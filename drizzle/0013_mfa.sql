CREATE TABLE `mfa_backup_codes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` int NOT NULL,
	`code_hash` varchar(64) NOT NULL,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `mfa_backup_codes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `mfa_challenges` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`user_id` int NOT NULL,
	`first_step` varchar(32) NOT NULL,
	`ip` varchar(45),
	`user_agent` varchar(512),
	`expires_at` datetime(3) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `mfa_challenges_id` PRIMARY KEY(`id`),
	CONSTRAINT `mfa_challenges_token_unique` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `mfa_totp` (
	`user_id` int NOT NULL,
	`secret_encrypted` varchar(255) NOT NULL,
	`enabled_at` datetime(3),
	`last_used_step` bigint,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `mfa_totp_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `enrollment_only` boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `mfa_backup_codes` ADD CONSTRAINT `mfa_backup_codes_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `mfa_challenges` ADD CONSTRAINT `mfa_challenges_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `mfa_totp` ADD CONSTRAINT `mfa_totp_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `mfa_backup_codes_user_idx` ON `mfa_backup_codes` (`user_id`,`code_hash`);--> statement-breakpoint
CREATE INDEX `mfa_challenges_user_idx` ON `mfa_challenges` (`user_id`);--> statement-breakpoint
CREATE INDEX `mfa_challenges_expires_idx` ON `mfa_challenges` (`expires_at`);