ALTER TABLE `oidc_flows` ADD `session_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `oidc_flows` ADD CONSTRAINT `oidc_flows_session_id_sessions_id_fk` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `oidc_flows_session_idx` ON `oidc_flows` (`session_id`);