CREATE TABLE `auth_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`trainer_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`trainer_id`) REFERENCES `trainers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `auth_sessions_trainer_idx` ON `auth_sessions` (`trainer_id`);--> statement-breakpoint
CREATE TABLE `inputs` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`client_input_id` text NOT NULL,
	`activity_id` text,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inputs_client_id_uq` ON `inputs` (`participant_id`,`client_input_id`);--> statement-breakpoint
CREATE INDEX `inputs_room_idx` ON `inputs` (`room_id`,`seq`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`seat_token_hash` text NOT NULL,
	`joined_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_seat_token_hash_unique` ON `participants` (`seat_token_hash`);--> statement-breakpoint
CREATE INDEX `participants_room_idx` ON `participants` (`room_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `participants_room_name_uq` ON `participants` (`room_id`,`name_key`) WHERE removed_at IS NULL;--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`trainer_id` text NOT NULL,
	`agenda_id` text NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`trainer_id`) REFERENCES `trainers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_open_code_uq` ON `rooms` (`code`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `rooms_trainer_idx` ON `rooms` (`trainer_id`);--> statement-breakpoint
CREATE TABLE `trainers` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trainers_email_unique` ON `trainers` (`email`);