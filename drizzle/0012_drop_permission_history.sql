DROP TABLE `permission_history`;--> statement-breakpoint
-- Kept as a read-only view under the old name and columns, for reports and scripts that read the table directly.
CREATE VIEW `permission_history` AS SELECT `id`, `actor_id`, `action`, `target_user_id`, `target_role_id`, `target_permission_id`, `before`, `after`, `reason`, `at` AS `created_at` FROM `audit_events`;
