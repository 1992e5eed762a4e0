ALTER TABLE `users` ADD `username_skeleton` varchar(255);--> statement-breakpoint
ALTER TABLE `users` ADD CONSTRAINT `users_username_skeleton_unique` UNIQUE(`username_skeleton`);