CREATE TABLE `oidc_flows` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`state_hash` varchar(64) NOT NULL,
	`ticket_hash` varchar(64),
	`provider` varchar(32) NOT NULL,
	`mode` enum('sign_in','link') NOT NULL,
	`user_id` int,
	`nonce` varchar(64) NOT NULL,
	`code_verifier` varchar(128) NOT NULL,
	`return_url` varchar(500) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `oidc_flows_id` PRIMARY KEY(`id`),
	CONSTRAINT `oidc_flows_state_hash_unique` UNIQUE(`state_hash`),
	CONSTRAINT `oidc_flows_ticket_hash_unique` UNIQUE(`ticket_hash`)
);
--> statement-breakpoint
CREATE TABLE `oidc_sign_in_codes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`code_hash` varchar(64) NOT NULL,
	`user_id` int NOT NULL,
	`provider` varchar(32) NOT NULL,
	`subject` varchar(255) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `oidc_sign_in_codes_id` PRIMARY KEY(`id`),
	CONSTRAINT `oidc_sign_in_codes_hash_unique` UNIQUE(`code_hash`)
);
--> statement-breakpoint
CREATE TABLE `user_identities` (
	`id` int AUTO_INCREMENT NOT NULL,
	`user_id` int NOT NULL,
	`provider` varchar(32) NOT NULL,
	`subject` varchar(255) NOT NULL,
	`email` varchar(254),
	`email_verified` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`last_used_at` datetime(3),
	CONSTRAINT `user_identities_id` PRIMARY KEY(`id`),
	CONSTRAINT `user_identities_provider_subject_unique` UNIQUE(`provider`,`subject`),
	CONSTRAINT `user_identities_user_provider_unique` UNIQUE(`user_id`,`provider`)
);
--> statement-breakpoint
ALTER TABLE `users` MODIFY COLUMN `password_hash` varchar(255);--> statement-breakpoint
ALTER TABLE `oidc_flows` ADD CONSTRAINT `oidc_flows_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `oidc_sign_in_codes` ADD CONSTRAINT `oidc_sign_in_codes_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `user_identities` ADD CONSTRAINT `user_identities_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `oidc_flows_expires_idx` ON `oidc_flows` (`expires_at`);--> statement-breakpoint
CREATE INDEX `oidc_sign_in_codes_user_idx` ON `oidc_sign_in_codes` (`user_id`);--> statement-breakpoint
CREATE INDEX `oidc_sign_in_codes_expires_idx` ON `oidc_sign_in_codes` (`expires_at`);