-- Hand-edited: the old table has no trainer_id, so the copy selects NULL for it.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_inputs` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` text NOT NULL,
	`participant_id` text,
	`trainer_id` text,
	`client_input_id` text NOT NULL,
	`activity_id` text,
	`group_id` text,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`trainer_id`) REFERENCES `trainers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "inputs_one_sender" CHECK((participant_id IS NULL) <> (trainer_id IS NULL))
);
--> statement-breakpoint
INSERT INTO `__new_inputs`("seq", "room_id", "participant_id", "trainer_id", "client_input_id", "activity_id", "group_id", "kind", "payload", "created_at") SELECT "seq", "room_id", "participant_id", NULL, "client_input_id", "activity_id", "group_id", "kind", "payload", "created_at" FROM `inputs`;--> statement-breakpoint
DROP TABLE `inputs`;--> statement-breakpoint
ALTER TABLE `__new_inputs` RENAME TO `inputs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `inputs_client_id_uq` ON `inputs` (`participant_id`,`client_input_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `inputs_trainer_client_id_uq` ON `inputs` (`trainer_id`,`client_input_id`);--> statement-breakpoint
CREATE INDEX `inputs_room_idx` ON `inputs` (`room_id`,`seq`);