CREATE TABLE `notification_reads` (
	`notification_id` bigint unsigned NOT NULL,
	`user_id` int NOT NULL,
	`read_at` datetime(3) NOT NULL,
	CONSTRAINT `notification_reads_notification_id_user_id_pk` PRIMARY KEY(`notification_id`,`user_id`)
);
--> statement-breakpoint
DROP INDEX `notifications_user_unread_idx` ON `notifications`;--> statement-breakpoint
ALTER TABLE `notifications` MODIFY COLUMN `user_id` int;--> statement-breakpoint
ALTER TABLE `notifications` MODIFY COLUMN `kind` enum('direct','broadcast','system') NOT NULL;--> statement-breakpoint
ALTER TABLE `notification_reads` ADD CONSTRAINT `notification_reads_notification_id_notifications_id_fk` FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `notification_reads` ADD CONSTRAINT `notification_reads_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `notification_reads_user_idx` ON `notification_reads` (`user_id`,`notification_id`);--> statement-breakpoint
ALTER TABLE `notifications` DROP COLUMN `read_at`;