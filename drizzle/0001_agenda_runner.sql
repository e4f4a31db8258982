CREATE TABLE `agendas` (
	`id` text PRIMARY KEY NOT NULL,
	`trainer_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text,
	`start` text NOT NULL,
	`blocks` text NOT NULL,
	`copied_from` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`trainer_id`) REFERENCES `trainers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agendas_trainer_idx` ON `agendas` (`trainer_id`);--> statement-breakpoint
-- Hand-edited: SQLite needs a default to add a NOT NULL column to existing rows. Rooms opened before
-- agendas were stored get an empty agenda and are closed, since they have nothing to run.
ALTER TABLE `rooms` ADD `agenda` text NOT NULL DEFAULT '{"title":"","start":"09:30","blocks":[]}';--> statement-breakpoint
ALTER TABLE `rooms` ADD `run` text NOT NULL DEFAULT '{"phase":"ready","current":0,"since":null,"startedAt":null,"finishedAt":null,"blocks":[]}';--> statement-breakpoint
UPDATE `rooms` SET `status` = 'closed', `closed_at` = CAST(strftime('%s','now') AS INTEGER) * 1000 WHERE `status` = 'open';