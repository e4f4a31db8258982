DROP INDEX `inputs_client_id_uq`;--> statement-breakpoint
DROP INDEX `inputs_trainer_client_id_uq`;--> statement-breakpoint
CREATE UNIQUE INDEX `inputs_client_id_uq` ON `inputs` (`activity_id`,`participant_id`,`client_input_id`) WHERE participant_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `inputs_trainer_client_id_uq` ON `inputs` (`activity_id`,`trainer_id`,`client_input_id`) WHERE trainer_id IS NOT NULL;