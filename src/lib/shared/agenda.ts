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
	activity?: string;
	fixed?: boolean;
}

export interface AgendaPlan {
	title: string;
	summary?: string;
	/** Planned start, "HH:MM" wall-clock time at the venue. */
	start: string;
	blocks: PlanBlock[];
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
