ALTER TABLE `agendas` ADD `deck` text;--> statement-breakpoint
ALTER TABLE `rooms` ADD `deck` text;--> statement-breakpoint
ALTER TABLE `rooms` ADD `slides` text DEFAULT '{"position":{"block":0,"slide":0,"blank":null},"log":[]}' NOT NULL;