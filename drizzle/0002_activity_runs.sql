CREATE TABLE `activity_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`prompt` text,
	`config` text NOT NULL,
	`grouping` text NOT NULL,
	`groups` text NOT NULL,
	`status` text NOT NULL,
	`launched_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_runs_room_idx` ON `activity_runs` (`room_id`,`launched_at`);--> statement-breakpoint
ALTER TABLE `inputs` ADD `group_id` text;