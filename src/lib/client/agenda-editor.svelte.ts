import {
	blockActivities,
	type AgendaPlan,
	type BlockKind,
	type KitItem,
	type PlanBlock
} from '$lib/shared/agenda';
import { addMinutes, formatDuration } from '$lib/time-format';

/** One block as the form holds it: text as typed, minutes possibly empty, a stable key for the list. */
export interface EditorBlock {
	key: number;
	title: string;
	minutes: number | null;
	kind: BlockKind;
	task: string;
	notes: string;
	/** Activity ids as typed, separated by commas: "amo-assessment, skill-will". */
	activity: string;
	/** Undefined means "the default for its kind" (breaks keep their length), as in the files. */
	fixed: boolean | undefined;
	/** The deck's slides this block shows, as typed ("6–14, 44"). */
	slides: string;
	/** Not edited here, but carried through so a save never drops a block's workbook pages or links. */
	resources: PlanBlock['resources'];
}

export interface EditorIssue {
	href: string;
	label: string;
	message: string;
}

/** The schema's limit; the server says so too, but the button should not offer a 61st block. */
export const MAX_BLOCKS = 60;

const FIELD_LABELS: Record<string, string> = {
	title: 'title',
	minutes: 'minutes',
	kind: 'kind',
	task: 'what participants do',
	notes: 'private notes',
	activity: 'activity id',
	fixed: 'keep this length',
	resources: 'resources'
};
const AGENDA_LABELS: Record<string, string> = {
	title: 'Agenda title',
	summary: 'Summary',
	start: 'Planned start time',
	kit: 'Kit list',
	blocks: 'Blocks',
	form: 'Agenda'
};

const CLOCK = /^\d{2}:\d{2}$/;
let keys = 0;

function toEditorBlock(b: PlanBlock): EditorBlock {
	return {
		key: ++keys,
		title: b.title,
		minutes: b.minutes,
		kind: b.kind,
		task: b.task ?? '',
		notes: b.notes ?? '',
		activity: blockActivities(b).join(', '),
		fixed: b.fixed,
		slides: b.resources?.slides ?? '',
		resources: b.resources
	};
}

/** What the server is sent: the file format, with blank optional texts left out as a file would. */
function draftBlock(b: EditorBlock): Record<string, unknown> {
	return {
		title: b.title,
		minutes: b.minutes,
		kind: b.kind,
		...(b.task.trim() ? { task: b.task } : {}),
		...(b.notes.trim() ? { notes: b.notes } : {}),
		...withSlides(b),
		...activityField(b.activity),
		...(b.fixed === undefined ? {} : { fixed: b.fixed })
	};
}

/** One id stays `activity:` (as older copies have it); several become `activities:`. */
function activityField(typed: string): Record<string, unknown> {
	const ids = typed
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	if (ids.length === 0) return {};
	return ids.length === 1 ? { activity: ids[0] } : { activities: ids };
}

/** The kit list as the form holds it: one item per line, a link after the title if it has one. */
export function kitToText(kit: KitItem[] | undefined): string {
	return (kit ?? []).map((k) => (k.url ? `${k.title} ${k.url}` : k.title)).join('\n');
}

export function kitFromText(text: string): KitItem[] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => {
			const m = /^(.*?)\s+(https?:\/\/\S+)$/.exec(line);
			return m && m[1] ? { title: m[1], url: m[2]! } : { title: line };
		});
}

/** The block's resources with its slides as typed; no resources key at all when nothing is left. */
function withSlides(b: EditorBlock): { resources?: PlanBlock['resources'] } {
	const { slides: _old, ...rest } = b.resources ?? {};
	void _old;
	const resources = { ...rest, ...(b.slides.trim() ? { slides: b.slides.trim() } : {}) };
	return Object.keys(resources).length ? { resources } : {};
}

const validMinutes = (m: number | null) =>
	typeof m === 'number' && Number.isFinite(m) && m > 0 ? Math.round(m) : 0;
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The agenda editor's state: the fields being edited, live timings, unsaved changes and server errors. */
export class AgendaEditor {
	title = $state('');
	summary = $state('');
	start = $state('09:30');
	/** The kit list, one item per line. */
	kit = $state('');
	blocks = $state<EditorBlock[]>([]);
	#saved = $state('');
	#agendaErrors = $state<Record<string, string>>({});
	#blockErrors = $state<Record<number, Record<string, string>>>({});
	#removed = $state<{ block: EditorBlock; index: number } | null>(null);

	constructor(plan: AgendaPlan) {
		this.#load(plan);
		this.#saved = this.json;
	}

	/** The whole agenda as the hidden form field posts it. */
	get json(): string {
		return JSON.stringify({
			title: this.title,
			...(this.summary.trim() ? { summary: this.summary } : {}),
			start: this.start,
			blocks: this.blocks.map(draftBlock),
			...(this.kit.trim() ? { kit: kitFromText(this.kit) } : {})
		});
	}

	get dirty(): boolean {
		return this.json !== this.#saved;
	}

	get totalMinutes(): number {
		return this.blocks.reduce((sum, b) => sum + validMinutes(b.minutes), 0);
	}

	/** Each block's planned start, or null while the start time field is not a time. */
	get startTimes(): (string | null)[] {
		let offset = 0;
		return this.blocks.map((b) => {
			const at = CLOCK.test(this.start) ? addMinutes(this.start, offset) : null;
			offset += validMinutes(b.minutes);
			return at;
		});
	}

	get endTime(): string | null {
		return CLOCK.test(this.start) ? addMinutes(this.start, this.totalMinutes) : null;
	}

	/** "Total 3 h · 09:30–12:30" */
	get totalLabel(): string {
		const total = `Total ${formatDuration(this.totalMinutes)}`;
		return this.endTime ? `${total} · ${this.start}–${this.endTime}` : total;
	}

	get canAdd(): boolean {
		return this.blocks.length < MAX_BLOCKS;
	}

	get lastRemoved(): EditorBlock | null {
		return this.#removed?.block ?? null;
	}

	addBlock(): EditorBlock {
		const block = toEditorBlock({ title: '', minutes: 10, kind: 'talk' });
		this.blocks.push(block);
		this.#removed = null;
		return block;
	}

	remove(index: number): EditorBlock | undefined {
		const [block] = this.blocks.splice(index, 1);
		if (block) this.#removed = { block, index };
		return block;
	}

	/** Puts the last deleted block back where it was; returns its index. */
	undoRemove(): number | undefined {
		const removed = this.#removed;
		if (!removed) return undefined;
		const index = Math.min(removed.index, this.blocks.length);
		this.blocks.splice(index, 0, removed.block);
		this.#removed = null;
		return index;
	}

	move(index: number, delta: -1 | 1): boolean {
		const to = index + delta;
		const block = this.blocks[index];
		if (!block || to < 0 || to >= this.blocks.length) return false;
		this.blocks.splice(index, 1);
		this.blocks.splice(to, 0, block);
		return true;
	}

	/** Stores only a departure from the kind's default, so the box follows the kind until it is changed. */
	setFixed(block: EditorBlock, checked: boolean): void {
		block.fixed = checked === (block.kind === 'break') ? undefined : checked;
	}

	/** Server messages by dotted path; `keys` are the block keys in the order that was posted. */
	setErrors(errors: Record<string, string>, keys: number[]): void {
		const agenda: Record<string, string> = {};
		const blocks: Record<number, Record<string, string>> = {};
		for (const [path, message] of Object.entries(errors)) {
			const [head, index, field] = path.split('.');
			const key = head === 'blocks' && index !== undefined ? keys[Number(index)] : undefined;
			if (key === undefined) {
				agenda[head && head in AGENDA_LABELS ? head : 'form'] ??= message;
			} else {
				// Errors in a block's `activities:` list belong to the one activity field of the form.
				const name =
					field === 'activities' ? 'activity' : field && field in FIELD_LABELS ? field : 'block';
				(blocks[key] ??= {})[name] ??= message;
			}
		}
		this.#agendaErrors = agenda;
		this.#blockErrors = blocks;
	}

	agendaError(field: string): string | undefined {
		const message = this.#agendaErrors[field];
		return message && capitalise(message);
	}

	blockErrors(key: number): Record<string, string> {
		const errors = this.#blockErrors[key] ?? {};
		return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, capitalise(v)]));
	}

	/** Every server message in page order, each linking to its field. */
	get issues(): EditorIssue[] {
		const issues: EditorIssue[] = [];
		for (const field of ['form', 'title', 'summary', 'start', 'kit', 'blocks']) {
			const message = this.#agendaErrors[field];
			if (message)
				issues.push({
					href: field === 'form' ? '#agenda-form' : `#agenda-${field}`,
					label: AGENDA_LABELS[field]!,
					message
				});
		}
		this.blocks.forEach((b, i) => {
			const name = b.title.trim() ? `Block ${i + 1} “${b.title.trim()}”` : `Block ${i + 1}`;
			for (const [field, message] of Object.entries(this.#blockErrors[b.key] ?? {})) {
				const label = field === 'block' ? name : `${name}, ${FIELD_LABELS[field]}`;
				const href =
					field in FIELD_LABELS && field !== 'resources'
						? `#block-${b.key}-${field}`
						: `#block-${b.key}`;
				issues.push({ href, label, message });
			}
		});
		return issues;
	}

	/**
	 * After a successful save: take the server's tidied values (trimmed text, "9.30" → "09:30")
	 * unless the trainer kept typing while it was saving, in which case their edits stay unsaved.
	 */
	markSaved(plan: AgendaPlan, postedJson: string): void {
		this.#agendaErrors = {};
		this.#blockErrors = {};
		this.#removed = null;
		if (this.json !== postedJson) {
			this.#saved = postedJson;
			return;
		}
		const blockKeys = this.blocks.map((b) => b.key);
		this.#load(plan);
		// Same blocks, same keys: the list is not re-rendered and focus stays where it was.
		this.blocks.forEach((b, i) => (b.key = blockKeys[i] ?? b.key));
		this.#saved = this.json;
	}

	#load(plan: AgendaPlan) {
		this.title = plan.title;
		this.summary = plan.summary ?? '';
		this.start = plan.start;
		this.kit = kitToText(plan.kit);
		this.blocks = plan.blocks.map(toEditorBlock);
	}
}
