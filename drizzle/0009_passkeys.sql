CREATE TABLE `passkeys` (
	`id` int AUTO_INCREMENT NOT NULL,
	`user_id` int NOT NULL,
	`credential_id` varchar(512) NOT NULL,
	`public_key` text NOT NULL,
	`counter` bigint unsigned NOT NULL DEFAULT 0,
	`user_handle` varchar(128) NOT NULL,
	`transports` json,
	`device_type` enum('singleDevice','multiDevice') NOT NULL,
	`backed_up` boolean NOT NULL DEFAULT false,
	`name` varchar(64) NOT NULL,
	`flagged_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`last_used_at` datetime(3),
	CONSTRAINT `passkeys_id` PRIMARY KEY(`id`),
	CONSTRAINT `passkeys_credential_unique` UNIQUE(`credential_id`)
);
--> statement-breakpoint
CREATE TABLE `webauthn_challenges` (
	`id` varchar(43) NOT NULL,
	`purpose` enum('registration','sign_in','second_factor') NOT NULL,
	`user_id` int,
	`challenge` varchar(128) NOT NULL,
	`user_handle` varchar(128),
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `webauthn_challenges_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `passkeys` ADD CONSTRAINT `passkeys_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `webauthn_challenges` ADD CONSTRAINT `webauthn_challenges_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `passkeys_user_idx` ON `passkeys` (`user_id`);--> statement-breakpoint
CREATE INDEX `webauthn_challenges_user_purpose_idx` ON `webauthn_challenges` (`user_id`,`purpose`);--> statement-breakpoint
CREATE INDEX `webauthn_challenges_expires_idx` ON `webauthn_challenges` (`expires_at`);