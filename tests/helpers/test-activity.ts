import { z } from 'zod';
import { InputRejected, type ActivityType } from '$lib/activities/contract';
import type { Catalog } from '$lib/server/activities/engine';
import type { ActivityDefinition } from '$lib/server/content/activities';

/**
 * A minimal activity type for engine tests: each group keeps a list of items and a title; the
 * trainer can deal each group a random card (1–100, no two alike) and set a banner.
 */
type Config = { max: number; labels: string[] };
type Input = { kind: 'add'; text: string } | { kind: 'title'; text: string };
interface GroupList {
	items: { id: string; text: string; by: string }[];
	title: string;
}
interface State {
	lists: Record<string, GroupList>;
	dealt: Record<string, number>;
	banner: string;
}

export const testList: ActivityType<
	Config,
	Input,
	State,
	{
		labels: string[];
		banner: string;
		dealt: Record<string, number>;
		lists: { key: string; items: number; title: string }[];
	},
	{ mine: GroupList | null; card: number | null }
> = {
	type: 'test-list',
	label: 'Test list',
	config: z.object({
		max: z.number().int().default(50),
		labels: z
			.array(z.string().trim().min(1, 'Every label needs some text.'))
			.length(2)
			.default(['First', 'Second'])
	}),
	setup: [{ key: 'labels', label: 'Labels', kind: 'text-list', count: 2, maxLength: 40 }],
	input: z.discriminatedUnion(
		'kind',
		[
			z.strictObject({
				kind: z.literal('add'),
				text: z.string().trim().min(1, 'Type something first.').max(60)
			}),
			z.strictObject({ kind: z.literal('title'), text: z.string().max(60) })
		],
		{ error: 'expected an add or a title' }
	),
	defaultGrouping: 'groups',
	initial: () => ({ lists: {}, dealt: {}, banner: '' }),
	reduce(state, input, ctx, config) {
		const key = ctx.groupId ?? ctx.participantId;
		const list = state.lists[key] ?? { items: [], title: '' };
		if (input.kind === 'add' && list.items.length >= config.max)
			throw new InputRejected('This list is full.');
		if (input.kind === 'add')
			list.items.push({ id: ctx.inputId, text: input.text, by: ctx.participantId });
		else list.title = input.text;
		state.lists[key] = list;
		return state;
	},
	trainer: {
		input: z.discriminatedUnion(
			'kind',
			[
				z.strictObject({ kind: z.literal('deal') }),
				z.strictObject({ kind: z.literal('banner'), text: z.string().max(60) })
			],
			{
				error: 'expected a deal or a banner'
			}
		),
		reduce(state, input, ctx) {
			if (input.kind === 'banner') {
				state.banner = input.text;
				return state;
			}
			if (ctx.groups.length === 0) throw new InputRejected('There are no groups to deal to.');
			const deck = Array.from({ length: 100 }, (_, i) => i + 1);
			state.dealt = {};
			for (const g of ctx.groups)
				state.dealt[g.id] = deck.splice(Math.floor(ctx.random() * deck.length), 1)[0]!;
			return state;
		}
	},
	projector: (state, ctx) => ({
		labels: ctx.config.labels,
		banner: state.banner,
		dealt: state.dealt,
		lists: Object.entries(state.lists).map(([key, l]) => ({
			key,
			items: l.items.length,
			title: l.title
		}))
	}),
	phone: (state, ctx) => ({
		mine: state.lists[ctx.groupId ?? ctx.participantId] ?? null,
		card: ctx.groupId ? (state.dealt[ctx.groupId] ?? null) : null
	}),
	exportRows: (state) =>
		Object.entries(state.lists).flatMap(([key, l]) =>
			l.items.map((i) => ({ group: key, text: i.text }))
		)
};

/** The same type without trainer controls. */
export const testPlain = { ...testList, type: 'test-plain', trainer: undefined };

function def(
	id: string,
	grouping: ActivityDefinition['grouping'],
	groupSize = 3,
	config: Config = { max: 50, labels: ['First', 'Second'] },
	type = testList
): ActivityDefinition {
	return {
		id,
		file: `${id}.yaml`,
		type,
		title: `Test ${id}`,
		prompt: 'Add what comes to mind.',
		grouping,
		groupSize,
		criteria: ['1.1'],
		config
	};
}

export const testCatalog: Catalog = () =>
	new Map([
		['lists', def('lists', 'groups')],
		['solo', def('solo', 'individual')],
		['pairs', def('pairs', 'pairs', 2)],
		['tiny', def('tiny', 'groups', 3, { max: 1, labels: ['First', 'Second'] })],
		['plain', def('plain', 'groups', 3, undefined, testPlain)]
	]);
