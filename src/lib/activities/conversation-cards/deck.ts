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
}

/**
 * The default deck: our own scenarios, one per kind of conversation the brief lists (missed
 * targets, lateness, conduct, a strong performer's dip, a peer promoted over someone, personal
 * circumstances, …). Every cause category appears, and the environment causes (information,
 * resources, incentives) are as common as the personal ones, so a room that always blames the
 * person shows it in the debrief.
 */
export const DEFAULT_DECK: Card[] = [
	{
		id: 'missed-targets',
		title: 'Sales target missed three months running',
		situation:
			'Jordan, an account manager, met target every month last year. Since two territories were merged in the spring and moved to the new customer system, Jordan has been around 30% under target for three months. Colleagues say Jordan spends hours on the phone to the IT desk.',
		employeeSays:
			'Half my leads disappeared when the accounts were moved. I spend my mornings hunting for contact details instead of selling.',
		likelyCause: 'resources'
	},
	{
		id: 'monday-lateness',
		title: 'Late on most Monday mornings',
		situation:
			'Sam has arrived 20 to 40 minutes late on seven of the last nine Mondays. The team opens the phone lines at 9 and the others have to cover. Nobody has raised it with Sam yet; the team is starting to grumble.',
		employeeSays:
			'The bus times changed. And I work through my lunch to make it up, so I thought it was fine.',
		likelyCause: 'information'
	},
	{
		id: 'talks-over-others',
		title: 'Talks over colleagues in meetings',
		situation:
			'Priya, a senior analyst, regularly interrupts newer colleagues in team meetings and dismisses their ideas ("we tried that"). Two of them have stopped speaking up. Priya’s last two appraisals praised her “drive and decisiveness”.',
		employeeSays:
			'Someone has to keep the meetings moving. I was told to lead by example, and that is what I am doing.',
		likelyCause: 'incentives'
	},
	{
		id: 'star-dip',
		title: 'A long-serving star’s work is slipping',
		situation:
			'Alex has twelve years of excellent reviews. In the last two months Alex’s monthly reports have had errors, two quality checks were missed, and Alex no longer volunteers for anything. The big project Alex hoped to lead went to an outside consultant.',
		employeeSays:
			'I do the same reports every month and I am not sure anyone reads them. I am fine, honestly.',
		likelyCause: 'motivation'
	},
	{
		id: 'peer-promoted',
		title: 'Passed over when a peer was promoted',
		situation:
			'Chris applied for team leader; Dana, a peer with less service, got the job and now leads the team. Since then Chris has skipped two of Dana’s team meetings, copies you into emails instead of talking to Dana, and has stopped sharing handover notes.',
		employeeSays:
			'I have done this job longer than anyone here. I do not need to be supervised by someone I trained.',
		likelyCause: 'motivation'
	},
	{
		id: 'short-absences',
		title: 'Frequent one-day absences',
		situation:
			'Morgan has had six single-day absences in three months, most on a Monday or a Friday, with brief reasons by text. Morgan’s work is good when in. The team has fixed hours and no one works from home.',
		employeeSays:
			'It is a family matter and I would rather not go into it. I always get my work done.',
		likelyCause: 'resources'
	},
	{
		id: 'late-handover',
		title: 'A late handover that holds others up',
		situation:
			'Every month Lee’s sales data reaches finance two or three days late, so the month-end figures slip and finance staff work late. Lee is otherwise reliable and quick.',
		employeeSays:
			'Nobody told me finance needs it by the 3rd. I thought the end of the first week was the deadline.',
		likelyCause: 'information'
	},
	{
		id: 'old-spreadsheet',
		title: 'Still using the old spreadsheet',
		situation:
			'The team moved to a new booking system two months ago. Pat still keeps bookings in a private spreadsheet and enters them late, which has caused three double bookings. Pat missed the training day through leave.',
		employeeSays:
			'The new system is slower and I was only sent a recording. My spreadsheet has never let anyone down.',
		likelyCause: 'knowledge'
	},
	{
		id: 'popular-errors',
		title: 'Well liked, but the errors keep coming',
		situation:
			'Robin joined eight months ago, is always cheerful and helps everyone. About one in ten of Robin’s invoices needs correcting; the team average is one in fifty. Robin works late to double-check.',
		employeeSays: 'I check everything twice, honestly. I do not know where the mistakes come from.',
		likelyCause: 'skills'
	},
	{
		id: 'personal-hygiene',
		title: 'Complaints about personal hygiene',
		situation:
			'Two colleagues and one customer have mentioned, separately, that Taylor has a strong body odour. Colleagues have started to avoid the desk next to Taylor. Nobody has said anything to Taylor directly.',
		employeeSays:
			'Nobody has ever said anything to me. Why are people talking about me behind my back?',
		likelyCause: 'information'
	},
	{
		id: 'colleagues-conflict',
		title: 'Two colleagues who no longer speak',
		situation:
			'Jamie and Sasha fell out over a joint project. They now communicate only by email, copy you into everything, and have both redone parts of each other’s work. The team’s monthly awards name one person per project.',
		employeeSays:
			'Sasha took the credit for my work last time. Whoever presents gets the award, so I am not sharing anything now.',
		likelyCause: 'incentives'
	},
	{
		id: 'top-seller-rude',
		title: 'Top seller, rude to the support team',
		situation:
			'Kai brings in the most revenue in the team. Support staff have complained three times that Kai shouts at them when orders are delayed; one has asked to move teams.',
		employeeSays:
			'I bring the money in and my bonus is all about sales. If they did their jobs I would not need to chase.',
		likelyCause: 'incentives'
	},
	{
		id: 'regrade-request',
		title: 'Wants a regrade you do not support',
		situation:
			'Ellis has asked, for the second time, to be regraded. You think Ellis’s work is solid but at the current grade. There is no written description of what the next grade requires.',
		employeeSays:
			'I have been here four years and I do far more than my job description. What more do I have to do?',
		likelyCause: 'information'
	},
	{
		id: 'safety-checks',
		title: 'Skipping safety checks at the end of a shift',
		situation:
			'Nik, a warehouse operative, has twice been seen skipping the pre-use check on a forklift late in the shift. Nik knows the procedure and does it in the morning. The last lorry often leaves before the loading is finished.',
		employeeSays:
			'If I do the full check we miss the lorry, and then I get the blame for that instead.',
		likelyCause: 'resources'
	},
	{
		id: 'abrupt-calls',
		title: 'Customers complain about an abrupt tone',
		situation:
			'Three months into the role, call handler Jesse has had four complaints about sounding curt with upset customers. Jesse’s call times are the best in the team and the scripts are followed word for word.',
		employeeSays:
			'I stick to the script. When people start shouting I just want to get them the answer quickly.',
		likelyCause: 'skills'
	},
	{
		id: 'data-slip',
		title: 'Customer data sent to the wrong address',
		situation:
			'Casey emailed a list of customer names and account numbers to an outside supplier who should not have had it, the second slip this year. Casey is careful and was upset when told.',
		employeeSays:
			'I did not think account numbers counted as personal data. Nobody said that list was sensitive.',
		likelyCause: 'knowledge'
	}
];
