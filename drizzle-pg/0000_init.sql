CREATE TABLE "activity_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"room_id" text NOT NULL,
	"activity_id" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"prompt" text,
	"config" json NOT NULL,
	"grouping" text NOT NULL,
	"groups" json NOT NULL,
	"group_size" integer DEFAULT 4 NOT NULL,
	"status" text NOT NULL,
	"launched_at" bigint NOT NULL,
	"criteria" json DEFAULT '[]'::json NOT NULL,
	"ended_at" bigint,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_trainers" (
	"agenda_id" text NOT NULL,
	"trainer_id" text NOT NULL,
	"added_at" bigint NOT NULL,
	CONSTRAINT "agenda_trainers_agenda_id_trainer_id_pk" PRIMARY KEY("agenda_id","trainer_id")
);
--> statement-breakpoint
CREATE TABLE "agendas" (
	"id" text PRIMARY KEY NOT NULL,
	"trainer_id" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"start" text NOT NULL,
	"blocks" json NOT NULL,
	"kit" json,
	"copied_from" text,
	"deck" json,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"trainer_id" text NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_answers" (
	"room_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"checkpoint" integer NOT NULL,
	"item_key" text NOT NULL,
	"progress" integer NOT NULL,
	"helped" json NOT NULL,
	"helped_note" text DEFAULT '' NOT NULL,
	"barriers" json NOT NULL,
	"barrier_note" text DEFAULT '' NOT NULL,
	"confidence" integer NOT NULL,
	"revised_goal" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "follow_up_answers_participant_id_checkpoint_item_key_pk" PRIMARY KEY("participant_id","checkpoint","item_key")
);
--> statement-breakpoint
CREATE TABLE "follow_up_off" (
	"room_id" text PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"room_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"share_quotes" boolean DEFAULT false NOT NULL,
	"share_with_trainer" boolean DEFAULT false NOT NULL,
	"email" text,
	"created_at" bigint NOT NULL,
	"revoked_at" bigint,
	CONSTRAINT "follow_ups_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "inputs" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"room_id" text NOT NULL,
	"participant_id" text,
	"trainer_id" text,
	"client_input_id" text NOT NULL,
	"activity_id" text,
	"group_id" text,
	"kind" text NOT NULL,
	"payload" json NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "inputs_one_sender" CHECK ((participant_id IS NULL) <> (trainer_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" text PRIMARY KEY NOT NULL,
	"room_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"seat_token_hash" text NOT NULL,
	"joined_at" bigint NOT NULL,
	"removed_at" bigint,
	CONSTRAINT "participants_seat_token_hash_unique" UNIQUE("seat_token_hash")
);
--> statement-breakpoint
CREATE TABLE "room_fences" (
	"room_id" text PRIMARY KEY NOT NULL,
	"epoch" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_trainers" (
	"room_id" text NOT NULL,
	"trainer_id" text NOT NULL,
	"added_at" bigint NOT NULL,
	CONSTRAINT "room_trainers_room_id_trainer_id_pk" PRIMARY KEY("room_id","trainer_id")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"trainer_id" text NOT NULL,
	"agenda_id" text NOT NULL,
	"title" text NOT NULL,
	"agenda" json NOT NULL,
	"run" json NOT NULL,
	"status" text NOT NULL,
	"created_at" bigint NOT NULL,
	"closed_at" bigint,
	"data_deleted_at" bigint,
	"data_deleted_by" text,
	"deck" json,
	"slides" json DEFAULT '{"position":{"block":0,"slide":0,"blank":null},"log":[]}'::json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainers" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "trainers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "activity_runs" ADD CONSTRAINT "activity_runs_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_trainers" ADD CONSTRAINT "agenda_trainers_agenda_id_agendas_id_fk" FOREIGN KEY ("agenda_id") REFERENCES "public"."agendas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_trainers" ADD CONSTRAINT "agenda_trainers_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agendas" ADD CONSTRAINT "agendas_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_answers" ADD CONSTRAINT "follow_up_answers_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_answers" ADD CONSTRAINT "follow_up_answers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_off" ADD CONSTRAINT "follow_up_off_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_trainers" ADD CONSTRAINT "room_trainers_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_trainers" ADD CONSTRAINT "room_trainers_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."trainers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_runs_room_idx" ON "activity_runs" USING btree ("room_id","launched_at");--> statement-breakpoint
CREATE INDEX "agenda_trainers_trainer_idx" ON "agenda_trainers" USING btree ("trainer_id");--> statement-breakpoint
CREATE INDEX "agendas_trainer_idx" ON "agendas" USING btree ("trainer_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_trainer_idx" ON "auth_sessions" USING btree ("trainer_id");--> statement-breakpoint
CREATE INDEX "follow_up_answers_room_idx" ON "follow_up_answers" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "follow_ups_room_idx" ON "follow_ups" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "follow_ups_participant_idx" ON "follow_ups" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inputs_client_id_uq" ON "inputs" USING btree ("activity_id","participant_id","client_input_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inputs_trainer_client_id_uq" ON "inputs" USING btree ("activity_id","trainer_id","client_input_id");--> statement-breakpoint
CREATE INDEX "inputs_room_idx" ON "inputs" USING btree ("room_id","seq");--> statement-breakpoint
CREATE INDEX "participants_room_idx" ON "participants" USING btree ("room_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_room_name_uq" ON "participants" USING btree ("room_id","name_key") WHERE removed_at IS NULL;--> statement-breakpoint
CREATE INDEX "room_trainers_trainer_idx" ON "room_trainers" USING btree ("trainer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_open_code_uq" ON "rooms" USING btree ("code") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "rooms_trainer_idx" ON "rooms" USING btree ("trainer_id");