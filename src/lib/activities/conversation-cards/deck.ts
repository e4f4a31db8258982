import type { Cause } from './words';

export interface Card {
	/** Short and stable: plans, exports and the content file refer to it. */
	id: string;
	title: string;
	/** What the manager knows: the facts, the pattern, the effect on others. */
	situation: string;
	/** What the employee is likely to say when asked; the role-player's starting point. */
	employeeSays: string;
	/** The cause the card was written around; phones and projector see it only once revealed. */
	likelyCause: Cause;
	/**
	 * Where law or policy matters (health, data protection, conduct, safety): a short note for the
	 * trainer's debrief. Only trainers see it (the remote, the report's downloads); never a phone.
	 */
	trainerNote?: string;
}

/**
 * The default deck: our own scenarios, one per kind of conversation the brief lists (missed
 * targets, lateness, conduct, a strong performer's dip, a peer promoted over someone, personal
 * circumstances, …), five of them in a university or a council. Every cause category appears, and
 * the environment causes (information, resources, incentives) are as common as the personal ones,
 * so a room that always blames the person shows it in the debrief. Each person has a first name
 * of their own across everything we ship (tests/unit/content-names.test.ts checks it).
 */
export const DEFAULT_DECK: Card[] = [
	{
		id: 'missed-targets',
		title: 'Sales target missed three months running',
		situation:
			'Jordan, an account manager, met target every month last year. Since two territories were merged ' +
			'in the spring and moved to the new customer system, Jordan has been around 30% under target for ' +
			'three months. Colleagues say Jordan spends hours on the phone to the IT desk.',
		employeeSays:
			'Half my leads disappeared when the accounts were moved. I spend my mornings hunting for contact ' +
			'details instead of selling.',
		likelyCause: 'resources'
	},
	{
		id: 'monday-lateness',
		title: 'Late on most Monday mornings',
		situation:
			'Sam has arrived 20 to 40 minutes late on seven of the last nine Mondays. The team opens the ' +
			'phone lines at 9 and the others have to cover. Nobody has raised it with Sam yet; the team is ' +
			'starting to grumble.',
		employeeSays:
			'The bus times changed. And I work through my lunch to make it up, so I thought it was fine.',
		likelyCause: 'information'
	},
	{
		id: 'talks-over-others',
		title: 'Talks over colleagues in meetings',
		situation:
			'Farah, a senior analyst, regularly interrupts newer colleagues in team meetings and dismisses ' +
			'their ideas ("we tried that"). Two of them have stopped speaking up. Farah’s last two ' +
			'appraisals praised her “drive and decisiveness”.',
		employeeSays:
			'Someone has to keep the meetings moving. I was told to lead by example, and that is what I am doing.',
		likelyCause: 'incentives'
	},
	{
		id: 'star-dip',
		title: 'A long-serving star’s work is slipping',
		situation:
			'Alex has twelve years of excellent reviews. In the last two months Alex’s monthly reports have ' +
			'had errors, two quality checks were missed, and Alex no longer volunteers for anything. The big ' +
			'project Alex hoped to lead went to an outside consultant.',
		employeeSays:
			'I do the same reports every month and I am not sure anyone reads them. I am fine, honestly.',
		likelyCause: 'motivation'
	},
	{
		id: 'peer-promoted',
		title: 'Passed over when a peer was promoted',
		situation:
			'Chris applied for team leader; Dana, a peer with less service, got the job and now leads the ' +
			'team. Since then Chris has skipped two of Dana’s team meetings, copies you into emails instead ' +
			'of talking to Dana, and has stopped sharing handover notes.',
		employeeSays:
			'I have done this job longer than anyone here. I do not need to be supervised by someone I trained.',
		likelyCause: 'motivation'
	},
	{
		id: 'short-absences',
		title: 'Frequent one-day absences',
		situation:
			'Morgan has had six single-day absences in three months, most on a Monday or a Friday, with ' +
			'brief reasons by text. Morgan’s work is good when in. The team has fixed hours and no one works ' +
			'from home.',
		employeeSays:
			'It is a family matter and I would rather not go into it. I always get my work done.',
		likelyCause: 'health',
		trainerNote:
			'Short, repeated absences can hide caring duties, ill health or trouble at home. Ask privately ' +
			'and openly before anything formal, and point to support: the employee assistance line, flexible ' +
			'working, time off for dependants. Use the absence policy only after that conversation.'
	},
	{
		id: 'late-handover',
		title: 'A late handover that holds others up',
		situation:
			'Every month Lee’s sales data reaches finance two or three days late, so the month-end figures ' +
			'slip and finance staff work late. Lee is otherwise reliable and quick.',
		employeeSays:
			'Nobody told me finance needs it by the 3rd. I thought the end of the first week was the deadline.',
		likelyCause: 'information'
	},
	{
		id: 'old-spreadsheet',
		title: 'Still using the old spreadsheet',
		situation:
			'The team moved to a new booking system two months ago. Pat still keeps bookings in a private ' +
			'spreadsheet and enters them late, which has caused three double bookings. Pat missed the ' +
			'training day through leave.',
		employeeSays:
			'The new system is slower and I was only sent a recording. My spreadsheet has never let anyone down.',
		likelyCause: 'knowledge'
	},
	{
		id: 'popular-errors',
		title: 'Well liked, but the errors keep coming',
		situation:
			'Robin joined eight months ago, is always cheerful and helps everyone. About one in ten of ' +
			'Robin’s invoices needs correcting; the team average is one in fifty. Robin works late to ' +
			'double-check.',
		employeeSays: 'I check everything twice, honestly. I do not know where the mistakes come from.',
		likelyCause: 'skills'
	},
	{
		id: 'personal-hygiene',
		title: 'Complaints about personal hygiene',
		situation:
			'Two colleagues and one customer have mentioned, separately, that Taylor has a strong body ' +
			'odour. Colleagues have started to avoid the desk next to Taylor. Nobody has said anything to ' +
			'Taylor directly.',
		employeeSays:
			'Nobody has ever said anything to me. Why are people talking about me behind my back?',
		likelyCause: 'information',
		trainerNote:
			'A body odour can have a medical cause (some conditions and medicines) or come from hard times ' +
			'at home. Meet in private, keep to the facts, be kind, and ask whether anything lies behind it; ' +
			'offer occupational health or other support before treating it as a conduct matter.'
	},
	{
		id: 'colleagues-conflict',
		title: 'Two colleagues who no longer speak',
		situation:
			'Jamie and Sasha fell out over a joint project. They now communicate only by email, copy you ' +
			'into everything, and have both redone parts of each other’s work. The team’s monthly awards ' +
			'name one person per project.',
		employeeSays:
			'Sasha took the credit for my work last time. Whoever presents gets the award, so I am not ' +
			'sharing anything now.',
		likelyCause: 'incentives'
	},
	{
		id: 'top-seller-rude',
		title: 'Top seller, rude to the support team',
		situation:
			'Kai brings in the most revenue in the team. Support staff have complained three times that Kai ' +
			'shouts at them when orders are delayed; one has asked to move teams.',
		employeeSays:
			'I bring the money in and my bonus is all about sales. If they did their jobs I would not need ' +
			'to chase.',
		likelyCause: 'incentives',
		trainerNote:
			'Shouting at colleagues is a conduct matter, not a skills gap, and good sales do not excuse it. ' +
			'Check the dignity at work (or bullying and harassment) policy and talk to HR first; note dates ' +
			'and what was said. If it becomes formal, follow the disciplinary procedure: investigate, hear ' +
			'their side, allow a companion.'
	},
	{
		id: 'regrade-request',
		title: 'Wants a regrade you do not support',
		situation:
			'Ellis has asked, for the second time, to be regraded. You think Ellis’s work is solid but at ' +
			'the current grade. There is no written description of what the next grade requires.',
		employeeSays:
			'I have been here four years and I do far more than my job description. What more do I have to do?',
		likelyCause: 'information'
	},
	{
		id: 'safety-checks',
		title: 'Skipping safety checks at the end of a shift',
		situation:
			'Nik, a warehouse operative, has twice been seen skipping the pre-use check on a forklift late ' +
			'in the shift. Nik knows the procedure and does it in the morning. The last lorry often leaves ' +
			'before the loading is finished.',
		employeeSays:
			'If I do the full check we miss the lorry, and then I get the blame for that instead.',
		likelyCause: 'resources',
		trainerNote:
			'Safety first: the check must happen every time, starting today, whatever the lorry schedule, ' +
			'and the schedule is yours to fix. Skipping a required check can also be misconduct under the ' +
			'disciplinary policy; if it goes formal, follow the procedure (investigate, hear Nik’s side, ' +
			'allow a companion).'
	},
	{
		id: 'abrupt-calls',
		title: 'Customers complain about an abrupt tone',
		situation:
			'Three months into the role, call handler Jesse has had four complaints about sounding curt with ' +
			'upset customers. Jesse’s call times are the best in the team and the scripts are followed word ' +
			'for word.',
		employeeSays:
			'I stick to the script. When people start shouting I just want to get them the answer quickly.',
		likelyCause: 'skills'
	},
	{
		id: 'data-slip',
		title: 'Student data sent to the wrong list',
		situation:
			'Casey, a programme administrator at a university, emailed a spreadsheet of students’ names, ID ' +
			'numbers and support needs to the whole year group instead of the module tutors. It is the ' +
			'second slip this year. Casey is careful and was upset when told.',
		employeeSays:
			'The two mailing lists have almost the same name. Nobody said that spreadsheet was any more ' +
			'sensitive than the others.',
		likelyCause: 'knowledge',
		trainerNote:
			'This is a personal data breach, and support needs can be health data. Report it at once to the ' +
			'data protection officer or information governance team: they decide whether the regulator (the ' +
			'ICO in the UK) must be told, within 72 hours. Do that before the conversation, which is about ' +
			'what happened and how to stop it recurring.'
	},
	{
		id: 'late-marking',
		title: 'Marks returned weeks after the deadline',
		situation:
			'Hannah, a lecturer, returned coursework marks to 120 students five weeks after submission; the ' +
			'university’s policy is three weeks. Students have complained to the head of school. Since a ' +
			'colleague left in the autumn, Hannah has taught two extra modules.',
		employeeSays:
			'I marked every script properly, in the evenings. Nobody asked what I could drop when I took on ' +
			'those modules.',
		likelyCause: 'resources'
	},
	{
		id: 'unanswered-enquiries',
		title: 'Student enquiries left in the inbox',
		situation:
			'Owen joined the student advice centre in September. The shared inbox promises a reply within ' +
			'two working days, but 40 of Owen’s enquiries were over a week old at the last count. Owen ' +
			'answers phone and face-to-face queries quickly and well.',
		employeeSays:
			'I thought the inbox was for whoever had a quiet moment. I answer the people in front of me first.',
		likelyCause: 'information'
	},
	{
		id: 'planning-reports',
		title: 'Planning reports sent back for rework',
		situation:
			'Ruth moved from the council’s housing team to planning six months ago. Four of Ruth’s last six ' +
			'reports to the planning committee were sent back because the policy tests were missing. Ruth is ' +
			'keen and asks for more cases.',
		employeeSays:
			'I follow the template. I have never been shown what the committee looks for, and I did not want ' +
			'to look slow by asking.',
		likelyCause: 'skills'
	},
	{
		id: 'after-surgery',
		title: 'Errors since returning from sick leave',
		situation:
			'Bilal, a research grants officer at a university, came back from three months of sick leave ' +
			'after surgery. Since then two funding bids went out with budget errors, and Bilal has missed ' +
			'lunch and stayed late most days. Bilal has not asked for any changes.',
		employeeSays:
			'I am fine. I just get very tired by the afternoon, and I did not want to make a fuss when ' +
			'everyone covered for me.',
		likelyCause: 'health',
		trainerNote:
			'Explore health before any formal step. Ask how the return is going, offer an occupational ' +
			'health referral, and consider adjustments such as a phased return, shorter days or a second ' +
			'check on budgets. Where a condition is a disability, reasonable adjustments are a legal duty ' +
			'(the Equality Act 2010 in Great Britain). Keep health details confidential.'
	}
];
