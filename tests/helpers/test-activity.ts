import { z } from 'zod';
import { InputRejected, type ActivityType } from '$lib/activities/contract';
import type { Catalog } from '$lib/server/activities/engine';
import type { ActivityDefinition } from '$lib/server/content/activities';

/** A minimal activity type for engine tests: each group keeps a list of items and a title. */
type Config = { max: number; labels: string[] };
type Input = { kind: 'add'; text: string } | { kind: 'title'; text: string };
interface GroupList {
	items: { id: string; text: string; by: string }[];
	title: string;
}
type State = Record<string, GroupList>;

export const testList: ActivityType<Config, Input, State, { labels: string[]; lists: { key: string; items: number; title: string }[] }, { mine: GroupList | null }> = {
	type: 'test-list',
	label: 'Test list',
	config: z.object({
		max: z.number().int().default(50),
		labels: z.array(z.string().trim().min(1, 'Every label needs some text.')).length(2).default(['First', 'Second'])
	}),
	setup: [{ key: 'labels', label: 'Labels', kind: 'text-list', count: 2, maxLength: 40 }],
	input: z.discriminatedUnion(
		'kind',
		[z.strictObject({ kind: z.literal('add'), text: z.string().trim().min(1, 'Type something first.').max(60) }), z.strictObject({ kind: z.literal('title'), text: z.string().max(60) })],
		{ error: 'expected an add or a title' }
	),
	defaultGrouping: 'groups',
	initial: () => ({}),
	reduce(state, input, ctx, config) {
		const key = ctx.groupId ?? ctx.participantId;
		const list = state[key] ?? { items: [], title: '' };
		if (input.kind === 'add' && list.items.length >= config.max) throw new InputRejected('This list is full.');
		if (input.kind === 'add') list.items.push({ id: ctx.inputId, text: input.text, by: ctx.participantId });
		else list.title = input.text;
		state[key] = list;
		return state;
	},
	projector: (state, ctx) => ({ labels: ctx.config.labels, lists: Object.entries(state).map(([key, l]) => ({ key, items: l.items.length, title: l.title })) }),
	phone: (state, ctx) => ({ mine: state[ctx.groupId ?? ctx.participantId] ?? null }),
	exportRows: (state) => Object.entries(state).flatMap(([key, l]) => l.items.map((i) => ({ group: key, text: i.text })))
};

function def(id: string, grouping: ActivityDefinition['grouping'], groupSize = 3, config: Config = { max: 50, labels: ['First', 'Second'] }): ActivityDefinition {
	return { id, file: `${id}.yaml`, type: testList, title: `Test ${id}`, prompt: 'Add what comes to mind.', grouping, groupSize, config };
}

export const testCatalog: Catalog = () =>
	new Map([
		['lists', def('lists', 'groups')],
		['solo', def('solo', 'individual')],
		['tiny', def('tiny', 'groups', 3, { max: 1, labels: ['First', 'Second'] })]
	]);
