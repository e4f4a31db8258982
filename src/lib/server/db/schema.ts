import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import type { AgendaPlan, KitItem, PlanBlock } from '../../shared/agenda';
import type { RunState } from '../../shared/run';
import type { DeckInfo, SlideState } from '../../shared/slides';
import type { VideoInfo } from '../../shared/video';
import type { ActivityStatus, GroupInfo, Grouping } from '../../activities/contract';

/** Epoch milliseconds: one unit of time everywhere, server clock. */
const ms = (name: string) => integer(name, { mode: 'number' });

export const trainers = sqliteTable('trainers', {
	id: text('id').primaryKey(),
	/** Stored lower-cased and trimmed; the sign-in key. */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	createdAt: ms('created_at').notNull()
});

/** Lucia's scheme: the id is the SHA-256 of the cookie token, never the token itself. */
export const authSessions = sqliteTable(
	'auth_sessions',
	{
		id: text('id').primaryKey(),
		trainerId: text('trainer_id')
			.notNull()
			.references(() => trainers.id, { onDelete: 'cascade' }),
		expiresAt: ms('expires_at').notNull()
	},
	(t) => [index('auth_sessions_trainer_idx').on(t.trainerId)]
);

export const rooms = sqliteTable(
	'rooms',
	{
		id: text('id').primaryKey(),
		code: text('code').notNull(),
		trainerId: text('trainer_id')
			.notNull()
			.references(() => trainers.id, { onDelete: 'cascade' }),
		agendaId: text('agenda_id').notNull(),
		title: text('title').notNull(),
		/** The agenda as it was when the session started: later edits to the agenda do not move a live session. */
		agenda: text('agenda', { mode: 'json' }).$type<AgendaPlan>().notNull(),
		/** The agenda clock; rewritten on every control, so a restart resumes exactly where it was. */
		run: text('run', { mode: 'json' }).$type<RunState>().notNull(),
		status: text('status', { enum: ['open', 'closed'] }).notNull(),
		createdAt: ms('created_at').notNull(),
		closedAt: ms('closed_at'),
		/** Set when the participants' data was deleted (by a trainer or the retention period): exports say so. */
		dataDeletedAt: ms('data_deleted_at'),
		/** Who deleted it: a trainer's name, or "retention period". */
		dataDeletedBy: text('data_deleted_by'),
		/** The agenda's slide deck when the session started (a file under data/decks/ by content hash). */
		deck: text('deck', { mode: 'json' }).$type<DeckInfo>(),
		/** The agenda's video file when the session started (data/videos/ by content hash), for video blocks. */
		video: text('video', { mode: 'json' }).$type<VideoInfo>(),
		/** Where the room is in the deck, and when each slide was shown; rewritten on every step, like `run`. */
		slides: text('slides', { mode: 'json' })
			.$type<SlideState>()
			.notNull()
			.default(sql`'{"position":{"block":0,"slide":0,"blank":null},"log":[]}'`)
	},
	(t) => [
		// A code is unique among open rooms only: closed rooms free their code for reuse.
		uniqueIndex('rooms_open_code_uq')
			.on(t.code)
			.where(sql`status = 'open'`),
		index('rooms_trainer_idx').on(t.trainerId)
	]
);

export const participants = sqliteTable(
	'participants',
	{
		id: text('id').primaryKey(),
		roomId: text('room_id')
			.notNull()
			.references(() => rooms.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** Case- and space-folded name, so "Sam" and " sam " count as the same person. */
		nameKey: text('name_key').notNull(),
		/** SHA-256 of the seat token the phone holds; the token itself never touches the disk. */
		seatTokenHash: text('seat_token_hash').notNull().unique(),
		joinedAt: ms('joined_at').notNull(),
		removedAt: ms('removed_at')
	},
	(t) => [
		index('participants_room_idx').on(t.roomId),
		uniqueIndex('participants_room_name_uq')
			.on(t.roomId, t.nameKey)
			.where(sql`removed_at IS NULL`)
	]
);

/** A trainer's own agendas: copies of the files (or of each other) that they edit in the app. */
export const agendas = sqliteTable(
	'agendas',
	{
		id: text('id').primaryKey(),
		trainerId: text('trainer_id')
			.notNull()
			.references(() => trainers.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		summary: text('summary'),
		start: text('start').notNull(),
		blocks: text('blocks', { mode: 'json' }).$type<PlanBlock[]>().notNull(),
		/** The session's kit list (null: none); older copies have none. */
		kit: text('kit', { mode: 'json' }).$type<KitItem[]>(),
		/** Where it was copied from (a file id or another agenda's id), for the trainer's reference. */
		copiedFrom: text('copied_from'),
		/** The attached PDF deck: its content hash (the file's name under data/decks/), page count and size. */
		deck: text('deck', { mode: 'json' }).$type<DeckInfo>(),
		/** An attached video file for the agenda's video blocks (venues without internet). */
		video: text('video', { mode: 'json' }).$type<VideoInfo>(),
		createdAt: ms('created_at').notNull(),
		updatedAt: ms('updated_at').notNull()
	},
	(t) => [index('agendas_trainer_idx').on(t.trainerId)]
);

/**
 * One launch of an activity in a room: its settings as launched, its groups and where it is in its
 * lifecycle. Its state is not stored: it is rebuilt by replaying the run's inputs in order.
 */
export const activityRuns = sqliteTable(
	'activity_runs',
	{
		id: text('id').primaryKey(),
		roomId: text('room_id')
			.notNull()
			.references(() => rooms.id, { onDelete: 'cascade' }),
		/** The content file it came from (activities/<id>.yaml). */
		activityId: text('activity_id').notNull(),
		type: text('type').notNull(),
		title: text('title').notNull(),
		prompt: text('prompt'),
		config: text('config', { mode: 'json' }).$type<unknown>().notNull(),
		grouping: text('grouping', { enum: ['individual', 'pairs', 'groups'] })
			.$type<Grouping>()
			.notNull(),
		groups: text('groups', { mode: 'json' }).$type<GroupInfo[]>().notNull(),
		/** Size asked for at launch: late joiners open a new group once every group has this many. */
		groupSize: integer('group_size').notNull().default(4),
		status: text('status', { enum: ['open', 'closed', 'revealed'] })
			.$type<ActivityStatus>()
			.notNull(),
		/** Only the room's latest run is current; earlier ones stay for the exports. */
		launchedAt: ms('launched_at').notNull(),
		/** ILM 8600-323 assessment criteria this activity evidences ("1.1", "4.2"), as launched. */
		criteria: text('criteria', { mode: 'json' })
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'`),
		/** Set when the agenda moved on after the run was closed: screens go back to the agenda. */
		endedAt: ms('ended_at'),
		updatedAt: ms('updated_at').notNull()
	},
	(t) => [index('activity_runs_room_idx').on(t.roomId, t.launchedAt)]
);

/** Append-only: every acknowledged participant input, keyed by the client's id so a retry is harmless. */
export const inputs = sqliteTable(
	'inputs',
	{
		seq: integer('seq').primaryKey({ autoIncrement: true }),
		roomId: text('room_id')
			.notNull()
			.references(() => rooms.id, { onDelete: 'cascade' }),
		/** Who sent it: a participant, or (for activity controls such as dealing cards) a trainer. */
		participantId: text('participant_id').references(() => participants.id, {
			onDelete: 'cascade'
		}),
		trainerId: text('trainer_id').references(() => trainers.id, { onDelete: 'cascade' }),
		clientInputId: text('client_input_id').notNull(),
		/** The activity run it belongs to. */
		activityId: text('activity_id'),
		/** The sender's group when it was accepted: replay must not depend on later moves. */
		groupId: text('group_id'),
		kind: text('kind').notNull(),
		payload: text('payload', { mode: 'json' }).notNull(),
		createdAt: ms('created_at').notNull()
	},
	(t) => [
		// Per run: a phone's ids are unique within an activity run, which is where retries happen.
		// Each index holds only its own sender's rows: a trainer index entry for every phone input
		// (trainer id null, never a conflict) was a page written at a random place per input, a
		// quarter of what a burst of inputs costs to commit.
		uniqueIndex('inputs_client_id_uq')
			.on(t.activityId, t.participantId, t.clientInputId)
			.where(sql`participant_id IS NOT NULL`),
		uniqueIndex('inputs_trainer_client_id_uq')
			.on(t.activityId, t.trainerId, t.clientInputId)
			.where(sql`trainer_id IS NOT NULL`),
		index('inputs_room_idx').on(t.roomId, t.seq),
		// Exactly one sender: the log is one ordered sequence that replays both kinds in turn.
		check('inputs_one_sender', sql`(participant_id IS NULL) <> (trainer_id IS NULL)`)
	]
);

/** Co-facilitators of a session: other trainer accounts who may run it and export it like its owner. */
export const roomTrainers = sqliteTable(
	'room_trainers',
	{
		roomId: text('room_id')
			.notNull()
			.references(() => rooms.id, { onDelete: 'cascade' }),
		trainerId: text('trainer_id')
			.notNull()
			.references(() => trainers.id, { onDelete: 'cascade' }),
		addedAt: ms('added_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.roomId, t.trainerId] }),
		index('room_trainers_trainer_idx').on(t.trainerId)
	]
);

/** Co-facilitators of an agenda copy: they may edit it and start sessions from it, and join those sessions. */
export const agendaTrainers = sqliteTable(
	'agenda_trainers',
	{
		agendaId: text('agenda_id')
			.notNull()
			.references(() => agendas.id, { onDelete: 'cascade' }),
		trainerId: text('trainer_id')
			.notNull()
			.references(() => trainers.id, { onDelete: 'cascade' }),
		addedAt: ms('added_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.agendaId, t.trainerId] }),
		index('agenda_trainers_trainer_idx').on(t.trainerId)
	]
);

export type Trainer = typeof trainers.$inferSelect;
export type Room = typeof rooms.$inferSelect;
export type Participant = typeof participants.$inferSelect;
export type AgendaRow = typeof agendas.$inferSelect;
export type ActivityRun = typeof activityRuns.$inferSelect;

/**
 * A learner's opt-in to the 30- and 90-day follow-up: a personal link token of its own (only its
 * SHA-256 is kept), separate from the seat token so it can be revoked or re-issued alone.
 */
export const followUps = sqliteTable(
	'follow_ups',
	{
		id: text('id').primaryKey(),
		roomId: text('room_id')
			.notNull()
			.references(() => rooms.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		/** The learner lets the trainer quote their free lines, without their name. */
		shareQuotes: integer('share_quotes', { mode: 'boolean' }).notNull().default(false),
		/** The learner lets the trainer's evidence pack and exports show their check-ins. */
		shareWithTrainer: integer('share_with_trainer', { mode: 'boolean' }).notNull().default(false),
		/** Optional, for the trainer's own mailing only; never required. */
		email: text('email'),
		createdAt: ms('created_at').notNull(),
		revokedAt: ms('revoked_at')
	},
	(t) => [
		index('follow_ups_room_idx').on(t.roomId),
		index('follow_ups_participant_idx').on(t.participantId)
	]
);

/** One answer per learner, check-in (30 or 90 days) and item: a second visit updates it. */
export const followUpAnswers = sqliteTable(
	'follow_up_answers',
	{
		roomId: text('room_id')
			.notNull()
			.references(() => rooms.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		checkpoint: integer('checkpoint').$type<30 | 90>().notNull(),
		/** "goal:<runId>" or "one-thing:<runId>": which of the day's items it is about. */
		itemKey: text('item_key').notNull(),
		progress: integer('progress').notNull(),
		helped: text('helped', { mode: 'json' }).$type<string[]>().notNull(),
		helpedNote: text('helped_note').notNull().default(''),
		barriers: text('barriers', { mode: 'json' }).$type<string[]>().notNull(),
		barrierNote: text('barrier_note').notNull().default(''),
		confidence: integer('confidence').notNull(),
		revisedGoal: text('revised_goal').notNull().default(''),
		createdAt: ms('created_at').notNull(),
		updatedAt: ms('updated_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.participantId, t.checkpoint, t.itemKey] }),
		index('follow_up_answers_room_idx').on(t.roomId)
	]
);

/** Sessions where the trainer switched follow-up off (e.g. a laptop on a venue LAN). */
export const followUpOff = sqliteTable('follow_up_off', {
	roomId: text('room_id')
		.primaryKey()
		.references(() => rooms.id, { onDelete: 'cascade' }),
	at: ms('at').notNull()
});

export type FollowUp = typeof followUps.$inferSelect;
export type FollowUpAnswer = typeof followUpAnswers.$inferSelect;
