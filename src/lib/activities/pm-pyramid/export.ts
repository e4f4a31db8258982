import type { ExportRow, ViewContext } from '../contract';
import type { Config } from './schema';
import { scopes } from './scopes';
import type { State } from './state';
import { linkCount, linkTo, TAG_LABEL } from './steps';

/**
 * One row per card, then one per link (all four per group, five in the cycle, unmarked ones included: a link nobody
 * marked is itself a finding). Every row has the same columns so a CSV has one header.
 */
export function exportRows(state: State, ctx: ViewContext<Config>): ExportRow[] {
	const names = new Map(ctx.participants.map((p) => [p.id, p.name]));
	const { steps } = ctx.config;
	const rows: ExportRow[] = [];
	for (const { name, work } of scopes(state, ctx)) {
		for (const card of work.cards) {
			rows.push({
				group: name,
				item: 'card',
				step: card.step + 1,
				stepLabel: steps[card.step] ?? '',
				text: card.text,
				tag: card.tag ? TAG_LABEL[card.tag] : null,
				author: names.get(card.authorId) ?? 'Former participant',
				link: null
			});
		}
		for (let from = 0; from < linkCount(ctx.config.preset); from++) {
			rows.push({
				group: name,
				item: 'link',
				step: from + 1,
				stepLabel: `${steps[from] ?? ''} → ${steps[linkTo(from)] ?? ''}`,
				text: null,
				tag: null,
				author: null,
				link: work.links[from] ?? 'not marked'
			});
		}
	}
	return rows;
}
