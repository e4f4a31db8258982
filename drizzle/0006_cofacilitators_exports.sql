CREATE TABLE `agenda_trainers` (
	`agenda_id` text NOT NULL,
	`trainer_id` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`agenda_id`, `trainer_id`),
	FOREIGN KEY (`agenda_id`) REFERENCES `agendas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`trainer_id`) REFERENCES `trainers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_trainers_trainer_idx` ON `agenda_trainers` (`trainer_id`);--> statement-breakpoint
CREATE TABLE `room_trainers` (
	`room_id` text NOT NULL,
	`trainer_id` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`room_id`, `trainer_id`),
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`trainer_id`) REFERENCES `trainers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `room_trainers_trainer_idx` ON `room_trainers` (`trainer_id`);--> statement-breakpoint
ALTER TABLE `activity_runs` ADD `criteria` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `rooms` ADD `data_deleted_at` integer;--> statement-breakpoint
ALTER TABLE `rooms` ADD `data_deleted_by` text;