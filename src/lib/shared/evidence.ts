import type { EvidenceItem } from '../activities/contract';
import type { PackFollowUp } from './follow-up';
import type { Criterion } from './ilm';

/** A learner's evidence pack as the trainer's page and the learner's phone both show it. */
export interface PackActivity {
	runId: string;
	title: string;
	label: string;
	at: string | null;
	criteria: Criterion[];
	items: EvidenceItem[];
}

export interface EvidencePack {
	session: { title: string; date: string | null; trainer: string };
	participant: { name: string };
	activities: PackActivity[];
	/** Each criterion with the activities that evidence it, in the unit's order. */
	coverage: { criterion: Criterion; activities: string[] }[];
	generatedAt: string | null;
	/** The 30- and 90-day check-ins: the learner's own pack, and the trainer's only if the learner allowed it. */
	followUp?: PackFollowUp;
}
