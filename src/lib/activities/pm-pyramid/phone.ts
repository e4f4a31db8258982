import type { PhoneContext } from '../contract';
import { workKey } from './reduce';
import type { Config } from './schema';
import type { State } from './state';
import { linkCount, MAX_CARDS_PER_GROUP, type Step, type Strength, type Tag } from './steps';

export interface PhoneCard {
	id: string;
	step: Step;
	text: string;
	tag: Tag | null;
	/** This participant wrote it (other authors stay unnamed on the phone too). */
	mine: boolean;
	updatedAt: number;
}

export interface PhoneView {
	steps: string[];
	overkillAt: number;
	maxCards: number;
	/** The sender's group's cards only, in the group's order. */
	cards: PhoneCard[];
	/** links[i]: step i → the next (links[4]: the cycle's 5→1); null until someone in the group marks it. */
	links: (Strength | null)[];
}

export function phoneView(state: State, ctx: PhoneContext<Config>): PhoneView {
	const work = state.groups[workKey(ctx)];
	return {
		steps: ctx.config.steps,
		overkillAt: ctx.config.overkillAt,
		maxCards: MAX_CARDS_PER_GROUP,
		cards: (work?.cards ?? []).map((c) => ({
			id: c.id,
			step: c.step,
			text: c.text,
			tag: c.tag,
			mine: c.authorId === ctx.participantId,
			updatedAt: c.updatedAt
		})),
		links: Array.from({ length: linkCount(ctx.config.preset) }, (_, i) => work?.links[i] ?? null)
	};
}
