CREATE TABLE `follow_up_answers` (
	`room_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`checkpoint` integer NOT NULL,
	`item_key` text NOT NULL,
	`progress` integer NOT NULL,
	`helped` text NOT NULL,
	`helped_note` text DEFAULT '' NOT NULL,
	`barriers` text NOT NULL,
	`barrier_note` text DEFAULT '' NOT NULL,
	`confidence` integer NOT NULL,
	`revised_goal` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `checkpoint`, `item_key`),
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_up_answers_room_idx` ON `follow_up_answers` (`room_id`);--> statement-breakpoint
CREATE TABLE `follow_up_off` (
	`room_id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`share_quotes` integer DEFAULT false NOT NULL,
	`share_with_trainer` integer DEFAULT false NOT NULL,
	`email` text,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_token_hash_unique` ON `follow_ups` (`token_hash`);--> statement-breakpoint
CREATE INDEX `follow_ups_room_idx` ON `follow_ups` (`room_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_participant_idx` ON `follow_ups` (`participant_id`);