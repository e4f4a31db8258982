import { DAY, PROGRESS, type Checkpoint, type PackFollowUp } from '$lib/shared/follow-up';
import type { Store } from '../store';
import type { SessionData } from '../exports/session';
import { isoTime } from '../exports/format';
import type { Row } from '../exports/tables';
import { summarise, type LearnerInfo } from './aggregate';
import { calendar } from './ics';
import { followUpItems } from './items';
import { answersOf, roomFollowUp, type Holder } from '../store/followup';

export const followUpLink = (base: string, token: string) => `${base}/f/${token}`;

const PRIVATE_HOST =
	/^(localhost|127(?:\.\d+){3}|\[::1\]|10(?:\.\d+){3}|192\.168(?:\.\d+){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2}|169\.254(?:\.\d+){2}|[^.]+|.+\.(?:local|lan|home|internal))$/i;

/**
 * Set when the link's address is only reachable on a local network (a laptop on the venue Wi-Fi,
 * no PUBLIC_URL): the close screen says so, because the link must open weeks later elsewhere.
 */
export function reachabilityWarning(base: string): string | undefined {
	let host: string;
	try {
		host = new URL(base).hostname;
	} catch {
		return undefined;
	}
	return PRIVATE_HOST.test(host)
		? `This link points at ${host}, an address on this room’s network: it will only open where that address can be reached (for example back on this Wi-Fi while the trainer’s computer runs the app).`
		: undefined;
}

/** The .ics file: a reminder on the day each check-in is due, carrying the link. */
export function remindersIcs(holder: Holder, link: string, now = Date.now()): string {
	const closedAt = holder.room.closedAt ?? now;
	const reminder = (checkpoint: Checkpoint) => ({
		uid: `${holder.followUp.id}-${checkpoint}@workshop-companion`,
		day: new Date(closedAt + checkpoint * DAY),
		summary: `${checkpoint}-day check-in: ${holder.room.title}`,
		description: `How far have you got with the goals you set at the workshop? Your check-in takes about three minutes.`,
		url: link
	});
	return calendar([reminder(30), reminder(90)], new Date(now));
}

/** A learner's follow-up for their evidence pack; undefined when they never checked in. */
export async function packFollowUp(
	s: Store,
	data: SessionData,
	participantId: string
): Promise<PackFollowUp | undefined> {
	const answers = await answersOf(s, participantId);
	if (!answers.size) return undefined;
	return {
		items: followUpItems(data, participantId),
		checkIns: [...answers]
			.sort(([a], [b]) => a - b)
			.map(([checkpoint, a]) => ({ checkpoint, answers: a }))
	};
}

/** What the summary needs about each learner who opted in (and did not take their link back). */
export async function learnersOf(
	s: Store,
	data: SessionData
): Promise<{
	learners: LearnerInfo[];
	answers: Awaited<ReturnType<typeof roomFollowUp>>['answers'];
}> {
	const { optIns, answers } = await roomFollowUp(s, data.room.id);
	const learners = optIns.map((f) => ({
		participantId: f.participantId,
		shareQuotes: f.shareQuotes,
		items: new Map(
			followUpItems(data, f.participantId).map((i) => [
				i.key,
				{ type: i.type, confidenceThen: i.confidenceThen }
			])
		)
	}));
	return { learners, answers };
}

export async function sessionSummary(s: Store, data: SessionData) {
	const { learners, answers } = await learnersOf(s, data);
	return summarise(learners, answers);
}

/**
 * Export rows: one per answer, named, only for learners who let the trainer see their check-ins;
 * the others count in the summary alone.
 */
export async function followUpRows(s: Store, data: Omit<SessionData, 'followUp'>): Promise<Row[]> {
	const { optIns, answers } = await roomFollowUp(s, data.room.id);
	const sharing = new Set(optIns.filter((f) => f.shareWithTrainer).map((f) => f.participantId));
	const names = new Map(data.people.map((p) => [p.id, p.name]));
	const items = new Map<string, Map<string, string>>();
	const textOf = (pid: string, key: string) => {
		if (!items.has(pid))
			items.set(pid, new Map(followUpItems(data, pid).map((i) => [i.key, i.text])));
		return items.get(pid)!.get(key) ?? null;
	};
	return answers
		.filter((a) => sharing.has(a.participantId))
		.map((a) => ({
			participant: names.get(a.participantId) ?? 'Former participant',
			checkIn: `${a.checkpoint} days`,
			item: textOf(a.participantId, a.itemKey),
			progress: PROGRESS[a.progress] ?? a.progress,
			helped: a.helped.join(', '),
			helpedNote: a.helpedNote,
			barriers: a.barriers.join(', '),
			barrierNote: a.barrierNote,
			confidence: a.confidence,
			revisedGoal: a.revisedGoal,
			updated: isoTime(a.updatedAt)
		}));
}
