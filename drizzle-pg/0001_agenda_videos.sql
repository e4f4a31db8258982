ALTER TABLE "agendas" ADD COLUMN "video" json;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "video" json;