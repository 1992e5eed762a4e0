CREATE TABLE `account_deletions` (
	`user_id` int NOT NULL,
	`requested_by` int,
	`by_admin` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`scheduled_for` datetime(3) NOT NULL,
	`claimed_until` datetime(3),
	`erased_at` datetime(3),
	CONSTRAINT `account_deletions_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `consents` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` int NOT NULL,
	`version` varchar(64) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`ip` varchar(45),
	`user_agent` varchar(512),
	CONSTRAINT `consents_id` PRIMARY KEY(`id`),
	CONSTRAINT `consents_user_version_unique` UNIQUE(`user_id`,`version`)
);
--> statement-breakpoint
CREATE TABLE `data_exports` (
	`id` varchar(32) NOT NULL,
	`user_id` int NOT NULL,
	`status` enum('pending','building','ready','failed') NOT NULL DEFAULT 'pending',
	`object_key` varchar(128),
	`size_bytes` int,
	`attempts` int NOT NULL DEFAULT 0,
	`claimed_until` datetime(3),
	`last_error` varchar(1000),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`ready_at` datetime(3),
	`expires_at` datetime(3),
	CONSTRAINT `data_exports_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `account_deletions` ADD CONSTRAINT `account_deletions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `account_deletions` ADD CONSTRAINT `account_deletions_requested_by_users_id_fk` FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `consents` ADD CONSTRAINT `consents_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `data_exports` ADD CONSTRAINT `data_exports_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `account_deletions_due_idx` ON `account_deletions` (`erased_at`,`scheduled_for`);--> statement-breakpoint
CREATE INDEX `account_deletions_requested_by_idx` ON `account_deletions` (`requested_by`);--> statement-breakpoint
CREATE INDEX `data_exports_user_idx` ON `data_exports` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `data_exports_status_idx` ON `data_exports` (`status`,`claimed_until`);--> statement-breakpoint
CREATE INDEX `data_exports_expires_idx` ON `data_exports` (`expires_at`);