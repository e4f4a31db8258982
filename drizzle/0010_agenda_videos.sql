ALTER TABLE `agendas` ADD `video` text;--> statement-breakpoint
ALTER TABLE `rooms` ADD `video` text;