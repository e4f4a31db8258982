import type { EvidenceItem } from '../activities/contract';
import { CRITERIA, OUTCOMES, type Criterion } from './ilm';
import type { PackFollowUp } from './follow-up';

/** A learner's evidence pack as the trainer's page and the learner's phone both show it. */
export interface PackActivity {
	runId: string;
	title: string;
	label: string;
	at: string | null;
	criteria: Criterion[];
	items: EvidenceItem[];
}

export interface CoverageRow {
	criterion: Criterion;
	/** Titles of this learner's activities that evidence it; empty when none did today. */
	activities: string[];
}

export interface OutcomeCoverage {
	id: string;
	text: string;
	criteria: CoverageRow[];
}

export interface EvidencePack {
	session: { title: string; date: string | null; trainer: string };
	participant: { name: string };
	activities: PackActivity[];
	/** The criteria this learner's activities evidence, with those activities, in the unit's order. */
	coverage: CoverageRow[];
	/** All eleven criteria under their four learning outcomes, covered today or not. */
	outcomes: OutcomeCoverage[];
	/** What the assignment still needs evidence for: nothing today touched these. */
	notCovered: Criterion[];
	generatedAt: string | null;
	/** The 30- and 90-day check-ins: the learner's own pack, and the trainer's only if the learner allowed it. */
	followUp?: PackFollowUp;
}

/**
 * The pack's criteria table: every criterion of the unit under its learning outcome, each with the
 * activities that evidence it, so a learner sees what today covered and what it did not.
 */
export function criteriaCoverage(
	activities: Pick<PackActivity, 'title' | 'criteria'>[]
): Pick<EvidencePack, 'coverage' | 'outcomes' | 'notCovered'> {
	const rows: CoverageRow[] = CRITERIA.map((criterion) => ({
		criterion,
		activities: activities
			.filter((a) => a.criteria.some((c) => c.id === criterion.id))
			.map((a) => a.title)
	}));
	return {
		coverage: rows.filter((r) => r.activities.length > 0),
		outcomes: Object.entries(OUTCOMES).map(([id, text]) => ({
			id,
			text,
			criteria: rows.filter((r) => r.criterion.outcome === id)
		})),
		notCovered: rows.filter((r) => r.activities.length === 0).map((r) => r.criterion)
	};
}
