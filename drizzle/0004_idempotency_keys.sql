ALTER TABLE `messages` ADD `idempotency_key` varchar(64);--> statement-breakpoint
ALTER TABLE `notifications` ADD `idempotency_key` varchar(64);--> statement-breakpoint
ALTER TABLE `messages` ADD CONSTRAINT `messages_sender_idempotency_key_unique` UNIQUE(`sender_id`,`idempotency_key`);--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_sender_idempotency_key_unique` UNIQUE(`sender_id`,`idempotency_key`);