DROP INDEX `inputs_client_id_uq`;--> statement-breakpoint
DROP INDEX `inputs_trainer_client_id_uq`;--> statement-breakpoint
CREATE UNIQUE INDEX `inputs_client_id_uq` ON `inputs` (`activity_id`,`participant_id`,`client_input_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `inputs_trainer_client_id_uq` ON `inputs` (`activity_id`,`trainer_id`,`client_input_id`);--> statement-breakpoint
ALTER TABLE `activity_runs` ADD `group_size` integer DEFAULT 4 NOT NULL;