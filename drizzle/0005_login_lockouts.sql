CREATE TABLE `login_lockouts` (
	`lock_key` varchar(260) NOT NULL,
	`failures` int NOT NULL,
	`last_failure_at` datetime(3) NOT NULL,
	`locked_until` datetime(3),
	CONSTRAINT `login_lockouts_lock_key` PRIMARY KEY(`lock_key`)
);
--> statement-breakpoint
DROP INDEX `login_history_identifier_key_idx` ON `login_history`;--> statement-breakpoint
CREATE INDEX `login_lockouts_last_failure_idx` ON `login_lockouts` (`last_failure_at`);