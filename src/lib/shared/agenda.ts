/** The agenda as a live session runs it: shared by the server, the remote, the projector and phones. */

export const BLOCK_KINDS = ['talk', 'activity', 'discussion', 'break', 'video'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface BlockLink {
	title: string;
	url: string;
}

export interface PlanBlock {
	title: string;
	minutes: number;
	kind: BlockKind;
	task?: string;
	notes?: string;
	resources?: { slides?: string; workbook?: string; links?: BlockLink[] };
	/** One activity (the older form, still valid) … */
	activity?: string;
	/** … or several, offered in this order; read both through blockActivities(). */
	activities?: string[];
	fixed?: boolean;
}

/** One thing to bring on the day (the presentation, the workbook, a talk's link). */
export interface KitItem {
	title: string;
	url?: string;
}

export interface AgendaPlan {
	title: string;
	summary?: string;
	/** Planned start, "HH:MM" wall-clock time at the venue. */
	start: string;
	blocks: PlanBlock[];
	/** The session's resources, shown before the start and printed in the report. */
	kit?: KitItem[];
}

/** What participants' phones are told about a block: never the trainer's notes or resources. */
export interface PublicBlock {
	title: string;
	kind: BlockKind;
	task: string;
}

/** The default "what to do now" on a phone when the agenda file does not say. */
export function defaultTask(kind: BlockKind): string {
	switch (kind) {
		case 'break':
			return 'Break time. Stretch, get a drink; this page will tell you when we start again.';
		case 'video':
			return 'Watch the video on the screen. There is nothing to do on your phone yet.';
		case 'discussion':
			return 'Join the discussion in the room.';
		case 'activity':
			return 'An activity is coming: the trainer will launch it on your phone.';
		default:
			return 'Listen in: the trainer is presenting.';
	}
}

export function publicBlock(block: PlanBlock): PublicBlock {
	return { title: block.title, kind: block.kind, task: block.task ?? defaultTask(block.kind) };
}

/** Breaks keep their length when re-planning unless a file says otherwise. */
export function isFlexible(block: PlanBlock): boolean {
	return !(block.fixed ?? block.kind === 'break');
}

/** A block's activity ids in order, whichever form it was written in (`activity:` or `activities:`). */
export function blockActivities(
	block: Pick<PlanBlock, 'activity' | 'activities'> | undefined
): string[] {
	if (!block) return [];
	if (block.activities?.length) return [...block.activities];
	return block.activity ? [block.activity] : [];
}

/**
 * The activity a block offers next: after the one launched last in this block, the one that
 * follows it in the list; with none of the block's launched yet, the first. Null once the block's
 * list is done (or it has none). `current` is the room's activity, whichever block launched it.
 */
export function nextInBlock(
	ids: readonly string[],
	current: { activityId: string } | null
): string | null {
	if (!ids.length) return null;
	const at = current ? ids.indexOf(current.activityId) : -1;
	return at === -1 ? ids[0]! : (ids[at + 1] ?? null);
}
