CREATE TABLE `audit_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`actor_id` int,
	`impersonator_id` int,
	`target_user_id` int,
	`target_role_id` int,
	`target_permission_id` int,
	`action` varchar(64) NOT NULL,
	`parent_id` bigint unsigned,
	`before` json,
	`after` json,
	`reason` varchar(500),
	`ip` varchar(45),
	`user_agent` varchar(512),
	`request_id` varchar(64),
	CONSTRAINT `audit_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `impersonator_id` int;--> statement-breakpoint
ALTER TABLE `audit_events` ADD CONSTRAINT `audit_events_actor_id_users_id_fk` FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `audit_events` ADD CONSTRAINT `audit_events_impersonator_id_users_id_fk` FOREIGN KEY (`impersonator_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `audit_events` ADD CONSTRAINT `audit_events_target_user_id_users_id_fk` FOREIGN KEY (`target_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_impersonator_idx` ON `audit_events` (`impersonator_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_target_user_idx` ON `audit_events` (`target_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_target_role_idx` ON `audit_events` (`target_role_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_target_permission_idx` ON `audit_events` (`target_permission_id`);--> statement-breakpoint
CREATE INDEX `audit_events_action_idx` ON `audit_events` (`action`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_parent_idx` ON `audit_events` (`parent_id`);--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
ALTER TABLE `sessions` ADD CONSTRAINT `sessions_impersonator_id_users_id_fk` FOREIGN KEY (`impersonator_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `sessions_impersonator_idx` ON `sessions` (`impersonator_id`);--> statement-breakpoint
-- The permission history becomes part of the audit trail: its rows move over with their ids, so cursors stay valid.
INSERT INTO `audit_events` (`id`, `at`, `actor_id`, `target_user_id`, `target_role_id`, `target_permission_id`, `action`, `before`, `after`, `reason`) SELECT `id`, `created_at`, `actor_id`, `target_user_id`, `target_role_id`, `target_permission_id`, `action`, `before`, `after`, `reason` FROM `permission_history`;
