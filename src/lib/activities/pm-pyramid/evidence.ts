import type { EvidenceItem, PhoneContext } from '../contract';
import { workKey } from './reduce';
import type { Config } from './schema';
import type { Card, GroupWork, State } from './state';
import { linkCount, linkTo, STEP_COUNT, STRENGTH_LABEL, TAG_LABEL, stepName } from './steps';

type Lines = EvidenceItem['lines'];

const cardText = (c: Card, me?: string) =>
	`${c.text}${c.tag ? ` [${TAG_LABEL[c.tag]}]` : ''}${me && c.authorId === me ? ' (yours)' : ''}`;

/** The whole pyramid: each step's cards (a step with none is a gap), then its links (five in the cycle). */
function pyramidLines(work: GroupWork, config: Config, me: string | undefined): Lines {
	const lines: Lines = [];
	for (let step = 0; step < STEP_COUNT; step++) {
		const label = `${stepName(step)}: ${config.steps[step] ?? ''}`;
		const cards = work.cards.filter((c) => c.step === step);
		if (cards.length === 0) lines.push({ label, text: 'No practices: a gap' });
		for (const c of cards) lines.push({ label, text: cardText(c, me) });
		if (cards.length >= config.overkillAt)
			lines.push({ label, text: `${cards.length} practices here: possible overkill` });
	}
	for (let from = 0; from < linkCount(config.preset); from++) {
		const strength = work.links[from];
		lines.push({
			label: `Link, ${stepName(from)} to ${stepName(linkTo(from))}`,
			text: strength ? STRENGTH_LABEL[strength] : 'Not marked'
		});
	}
	return lines;
}

/**
 * The cards the learner wrote, and the whole pyramid of each group they worked in (their group now,
 * and any group holding a card they wrote before being moved), with step labels, tags and links.
 * Another group's pyramid, or another person's solo one, is never read.
 */
export function evidence(state: State, ctx: PhoneContext<Config>): EvidenceItem[] {
	const me = ctx.participantId;
	const own = workKey(ctx);
	const keys = [
		own,
		...Object.keys(state.groups).filter(
			(k) =>
				k !== own && !state.groups[k]!.solo && state.groups[k]!.cards.some((c) => c.authorId === me)
		)
	];
	const items: EvidenceItem[] = [];
	const mine: Lines = [];
	for (const key of keys) {
		const work = state.groups[key];
		if (!work || (work.solo && key !== me)) continue;
		const touched = work.cards.length > 0 || work.links.some((l) => l !== null);
		if (!touched) continue;
		if (work.solo) {
			items.push({
				heading: 'Your pyramid',
				kind: 'own',
				lines: pyramidLines(work, ctx.config, undefined)
			});
			continue;
		}
		for (const c of work.cards)
			if (c.authorId === me)
				mine.push({
					label: `${stepName(c.step)}: ${ctx.config.steps[c.step] ?? ''}`,
					text: cardText(c)
				});
		const name = ctx.groups.find((g) => g.id === key)?.name ?? 'Your earlier group';
		items.push({
			heading: `${name}'s pyramid`,
			kind: 'group',
			lines: pyramidLines(work, ctx.config, me)
		});
	}
	if (mine.length)
		items.unshift({ heading: 'Practices you added to the pyramid', kind: 'own', lines: mine });
	return items;
}
