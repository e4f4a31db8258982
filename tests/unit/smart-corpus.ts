import type { GoalType } from '$lib/activities/goal-setting/schema';

/**
 * Goals written the way managers write them (council, university, NHS-like trust, IT, retail,
 * sales, a charity; some keyword-stuffed attempts to game the coach), each with the verdict a
 * person gives per SMART letter. The verdicts were written from the rules below, goal by goal,
 * before the coach was tuned against them; the test measures how often the coach agrees.
 *
 * `expect` has one character per letter in S-M-A-R-T order: the letter when it passes, `-` when
 * it does not ("SMA-T": everything but Relevant).
 *
 * How a person judges each letter here:
 * - S: a concrete action and what it acts on. Vague aims ("improve", "be better", "work on",
 *   "excellent service") fail even with numbers attached.
 * - M: a quantity, count, percentage, threshold, a count per period of a concrete event, or an
 *   observable completion (passed, signed off, published, launched). "A few", "several", "more",
 *   a stray digit ("Level 3", "Windows 11") and "complete the course" alone fail; so does a
 *   number attached to a vague aim ("better feedback 100% of the time").
 * - A: the writer's own rating of 3 or more out of 5; a stretch goal passes at any rating (getting
 *   most of the way counts). Otherwise demanding perfection in behaviour ("100% of the time",
 *   "always") fails, and so does no rating at all.
 * - R: a stated link to a team or organisation aim: a purpose that names an outcome for the
 *   service, the organisation or the people it serves, or a named plan, objective, target,
 *   standard, policy or strategy. The word "team" alone, or "so that everyone is happy", fails.
 * - T: a date, a deadline or a bounded period ("by 30 June", "within six weeks", "this term",
 *   "before Welcome Week"). A frequency alone ("weekly", "every Monday") fails, as do "soon" and
 *   "ASAP".
 */
export interface CorpusGoal {
	goal: string;
	type: GoalType;
	/** The writer's achievability rating, 1 to 5, or null when not rated. */
	rating: number | null;
	expect: string;
}

const g = (goal: string, type: GoalType, rating: number | null, expect: string): CorpusGoal => ({
	goal,
	type,
	rating,
	expect
});

export const CORPUS: CorpusGoal[] = [
	// A council
	g(
		'Reduce the number of overdue housing repair jobs from 140 to under 60 by 31 March, ' +
			'so that the council meets its 28-day repair standard for tenants.',
		'performance',
		4,
		'SMART'
	),
	g(
		'Answer every resident enquiry in the planning inbox within five working days by the end of Q3, ' +
			"in line with the service's customer charter.",
		'performance',
		4,
		'SMART'
	),
	g('Improve communication with residents.', 'performance', 3, '--A--'),
	g(
		'Clear the backlog of 85 blue badge applications by the end of August so that residents wait ' +
			'no longer than the statutory 12 weeks.',
		'performance',
		4,
		'SMART'
	),
	g('Attend more community meetings.', 'behavioural', 3, 'S-A--'),
	g(
		'Visit several local schools this year to promote the library service.',
		'performance',
		4,
		'S-ART'
	),
	g(
		'Publish the revised waste collection calendar on the council website by 1 December, so ' +
			'residents know their new collection days before the routes change.',
		'performance',
		5,
		'SMART'
	),
	g("Update the team's risk register at every monthly team meeting.", 'performance', 4, 'SMA--'),
	// A university
	g(
		'Cut the average time to process postgraduate applications from 21 to 10 working days by ' +
			"the end of the admissions cycle in July, to support the faculty's recruitment target.",
		'performance',
		4,
		'SMART'
	),
	g('Get better at managing student complaints.', 'learning', 3, '--A--'),
	g(
		'Train all 12 student ambassadors in the new enquiry system before Welcome Week in ' +
			'September, so that new students get consistent answers.',
		'performance',
		4,
		'SMART'
	),
	g(
		"Submit the department's REF impact case study draft to the research office by 15 January.",
		'performance',
		4,
		'SMART'
	),
	g(
		'Mark all first-year essays within three weeks of submission this term, in line with the ' +
			"university's feedback policy.",
		'performance',
		3,
		'SMART'
	),
	g('Learn how to use the new timetabling software.', 'learning', 4, 'S-A--'),
	g(
		'Shadow the senior technician on five lab induction sessions by the end of October, so I ' +
			'can run inductions for the new PhD students on my own.',
		'learning',
		4,
		'SMART'
	),
	g('Reply to emails from students faster.', 'performance', 3, 'S-A--'),
	g(
		"Raise the module's NSS assessment and feedback score from 68% to 75% in next year's " +
			"survey, as part of the school's student experience plan.",
		'stretch',
		2,
		'SMART'
	),
	g('Organise a few research seminars.', 'performance', 4, 'S-A--'),
	g(
		"By the end of the spring term, observe two colleagues' seminars and give each written " +
			"feedback on the school's peer-review form, to meet the department's teaching quality objective.",
		'learning',
		4,
		'SMART'
	),
	// An NHS-like trust
	g(
		'Increase the proportion of discharge summaries sent to GPs within 24 hours from 70% to 90% ' +
			"by the end of Q2, to meet the trust's discharge standard.",
		'performance',
		4,
		'SMART'
	),
	g('Make sure patients are treated with dignity.', 'behavioural', 4, '--A--'),
	g('Complete the mandatory safeguarding level 3 training.', 'learning', 5, 'S-A--'),
	g(
		'Complete safeguarding level 3 training and pass the assessment by 31 May, as required by ' +
			"the ward's compliance target.",
		'learning',
		4,
		'SMART'
	),
	g(
		'Reduce missed medication doses on Ward 7 by half within six months, so that patient ' +
			'safety incidents fall.',
		'performance',
		3,
		'SMART'
	),
	g(
		'Run a 15-minute safety huddle at the start of every shift from 1 March.',
		'behavioural',
		4,
		'SMA-T'
	),
	g('Be a better team player on the ward.', 'behavioural', 3, '--A--'),
	g(
		'Audit 20 patient records each month for the next six months and share the results at the ' +
			'governance meeting, to support the CQC action plan.',
		'performance',
		4,
		'SMART'
	),
	g('Reduce agency staff spend.', 'performance', 3, 'S-A--'),
	// IT
	g(
		'Migrate the remaining 40 servers to the cloud platform by 30 September, as part of the IT ' +
			"strategy's data centre exit.",
		'performance',
		4,
		'SMART'
	),
	g(
		'Resolve 85% of priority-one incidents within four hours during Q3, to meet the service ' +
			'level agreement with the business.',
		'performance',
		4,
		'SMART'
	),
	g('Learn Python.', 'learning', 4, 'S-A--'),
	g(
		'Write automated tests for the payments module until coverage reaches 80%, before the ' +
			'release on 14 November, so that customers see fewer failed payments.',
		'performance',
		4,
		'SMART'
	),
	g('Document the backup process.', 'performance', 4, 'S-A--'),
	g(
		'Document the backup process and have it signed off by the infrastructure manager by the ' +
			'end of March, so the service desk can restore files without escalating.',
		'performance',
		4,
		'SMART'
	),
	g('Upgrade laptops to Windows 11.', 'performance', 4, 'S-A--'),
	g(
		'Upgrade all 250 staff laptops to Windows 11 by 31 October, to keep the organisation’s ' +
			'devices secure when support for the old version ends.',
		'performance',
		4,
		'SMART'
	),
	g('Take ownership of the change management process.', 'behavioural', 3, '--A--'),
	g(
		'Cut the number of open service desk tickets older than 30 days from 120 to 20 by the end ' +
			'of the year, so staff wait less for fixes.',
		'performance',
		2,
		'SM-RT'
	),
	// Retail
	g(
		'Increase average basket value in the Leeds store from £18 to £21 by the end of Q4, in line ' +
			'with the regional sales plan.',
		'performance',
		4,
		'SMART'
	),
	g('Reduce stock shrinkage.', 'performance', 3, 'S-A--'),
	g(
		'Cut till queue times to under three minutes at peak hours by the Christmas trading period, ' +
			'so that fewer customers abandon their purchases.',
		'performance',
		4,
		'SMART'
	),
	g(
		'Train two new key holders so the store can open on Sundays from April.',
		'performance',
		4,
		'SMART'
	),
	g('Deliver excellent customer service every day.', 'behavioural', 4, '--A--'),
	g('Complete weekly stock counts.', 'performance', 4, 'SMA--'),
	g(
		'Hit 110% of the monthly sales target for three months in a row before the end of the ' +
			'financial year, to help the store reach its annual plan.',
		'stretch',
		2,
		'SMART'
	),
	g(
		'Run a 20-minute product knowledge briefing for the team every Monday.',
		'behavioural',
		4,
		'SMA--'
	),
	// Sales
	g(
		'Close £250k of new business in the public sector segment by 31 December, to deliver the ' +
			"division's growth objective.",
		'performance',
		3,
		'SMART'
	),
	g('Make more calls.', 'performance', 3, 'S-A--'),
	g(
		'Book 15 qualified discovery meetings with new prospects in the next eight weeks, so the ' +
			"team's Q1 pipeline reaches its £400k target.",
		'performance',
		4,
		'SMART'
	),
	g('Update the CRM.', 'performance', 4, 'S-A--'),
	g(
		'From 1 February, log every customer call in the CRM on the same day, so that the sales ' +
			'forecast the board sees is accurate.',
		'behavioural',
		4,
		'SMART'
	),
	g(
		'Win back at least five lapsed accounts this quarter, as part of the retention target.',
		'stretch',
		2,
		'SMART'
	),
	g('Become the top salesperson in the region.', 'stretch', 3, '--A--'),
	g('Increase repeat orders from existing clients by 20%.', 'performance', 4, 'SMA--'),
	// Learning and behaviour, any sector
	g(
		'Chair six weekly team meetings before the end of May, asking one colleague for feedback ' +
			"after each, so that the team's meetings keep running while the manager is on leave in June.",
		'learning',
		4,
		'SMART'
	),
	g('Stop interrupting colleagues in meetings.', 'behavioural', 3, 'S-A--'),
	g(
		'In every team meeting this term, let each colleague finish before responding, with no more ' +
			'than one interruption per meeting noted by the chair, so that newer staff contribute their ideas.',
		'behavioural',
		3,
		'SMART'
	),
	g('Develop my leadership skills.', 'learning', 4, '--A--'),
	g(
		'Read two books on coaching and try one technique from each in my one-to-ones by the end of March.',
		'learning',
		4,
		'SMA-T'
	),
	g(
		'Mentor the new apprentice, meeting weekly for their first three months, so they pass their ' +
			'end-point assessment and stay with the company.',
		'behavioural',
		4,
		'SMART'
	),
	g(
		'Double the number of volunteers at the food bank by next summer, so we can open a third day each week.',
		'stretch',
		1,
		'SMART'
	),
	g(
		'Launch the new intranet, which everyone will love, by the end of the year.',
		'stretch',
		2,
		'SMA-T'
	),
	g('Focus on quality.', 'performance', 3, '--A--'),
	g(
		'Reduce the error rate on month-end journals to below 2% by the June close, so the finance ' +
			"team meets the audit committee's deadline.",
		'performance',
		3,
		'SMART'
	),
	g(
		'Send the monthly budget report to all budget holders by the fifth working day of each ' +
			'month, so managers can act on overspends early.',
		'performance',
		4,
		'SMART'
	),
	g('Reduce complaints by some amount in Q3.', 'performance', 3, 'S-A-T'),
	g('Hold weekly drop-in sessions for staff.', 'behavioural', 4, 'SMA--'),
	g('Support the team through the restructure.', 'behavioural', 4, '--A--'),
	g(
		'Process all 30 outstanding expense claims by Friday, so that staff are repaid within the ' +
			"finance policy's ten days.",
		'performance',
		null,
		'SM-RT'
	),
	g(
		'Hold a one-to-one with each of my six direct reports every fortnight.',
		'behavioural',
		4,
		'SMA--'
	),
	g('Be more proactive.', 'behavioural', 3, '--A--'),
	g('Complete the ILM Level 3 course.', 'learning', 4, 'S-A--'),
	g(
		'Complete the ILM Level 3 course and pass its written assignment by 30 June, so that I can ' +
			"run my team's appraisals to the department's new standard.",
		'learning',
		4,
		'SMART'
	),
	// Attempts to game the coach with its own keywords
	g(
		'Give better feedback to the team 100% of the time by Friday so that everyone is happy.',
		'performance',
		5,
		'----T'
	),
	g(
		'Always greet every customer within 30 seconds, 100% of the time, by tomorrow, so that the team is happy.',
		'performance',
		5,
		'SM--T'
	),
	g(
		'Increase customer satisfaction to 100% always, by the end of the week, so that the team objective is met.',
		'performance',
		5,
		'SM-RT'
	),
	g(
		'Achieve 100% of KPIs, exceed all targets and delight all stakeholders every time in line ' +
			'with our strategy ASAP.',
		'performance',
		5,
		'---R-'
	),
	g('Work on the team weekly, 5 times, target 10.', 'performance', 5, '--A--'),
	g(
		'Be a better manager for my team and our customers in 2026, measured by feedback.',
		'performance',
		4,
		'--A-T'
	)
];

/**
 * Written and judged after the coach was tuned on CORPUS, and never tuned on: its agreement is the
 * fairer estimate of how the coach does on goals it has not seen (the README gives both figures).
 */
export const HELD_OUT: CorpusGoal[] = [
	g(
		'Cut the average wait for a first physiotherapy appointment from nine weeks to six by the end ' +
			"of the financial year, as set out in the trust's elective recovery plan.",
		'performance',
		3,
		'SMART'
	),
	g("Get all my team's appraisals done on time this year.", 'performance', 4, 'SMA-T'),
	g(
		'Respond to all FOI requests within the 20 working day legal limit during 2026, so that the ' +
			'council stays compliant with the Act.',
		'performance',
		4,
		'SMART'
	),
	g('Be more visible to the team.', 'behavioural', 3, '--A--'),
	g(
		'Introduce a shared on-call rota for the three technicians by 1 September so that lab users ' +
			'always have someone to call.',
		'performance',
		4,
		'SMART'
	),
	g(
		'Reduce the number of returned parcels due to wrong addresses by 25% over the next two quarters.',
		'performance',
		4,
		'SMA-T'
	),
	g(
		'Coach my deputy on chairing meetings until they can run the weekly team meeting alone, by ' +
			'the end of Q1, so that the team has cover when I am away.',
		'learning',
		4,
		'SMART'
	),
	g('Increase online sales conversion.', 'performance', 4, 'S-A--'),
	g('Ensure the team are fully trained.', 'performance', 4, '--A--'),
	g('Achieve a 4.5 star average rating on customer reviews by December.', 'stretch', 2, 'SMA-T'),
	g(
		'Deliver the new student induction programme to 400 first-year students in September, to ' +
			'help them settle and stay on their course.',
		'performance',
		4,
		'SMART'
	),
	g('Keep on top of emails.', 'behavioural', 3, '--A--'),
	g('Hold a monthly drop-in for tenants at each estate office.', 'behavioural', 4, 'SMA--'),
	g(
		'Write and test a disaster recovery plan for the finance system, with a full restore tested ' +
			"successfully, before the audit in November, to meet the organisation's business continuity policy.",
		'performance',
		3,
		'SMART'
	),
	g('Improve my Excel skills.', 'learning', 4, '--A--'),
	g(
		'Take part in at least two cross-team projects this year to broaden my experience.',
		'learning',
		4,
		'SMA-T'
	),
	g(
		'Answer the phone within three rings, every time, so that callers to the helpline are never kept waiting.',
		'behavioural',
		5,
		'SM-R-'
	),
	g('Sell more.', 'performance', 3, '--A--'),
	g(
		'Bring the proportion of staff with a completed appraisal up to 95% by 31 July, in line with ' +
			"the university's appraisal policy.",
		'performance',
		4,
		'SMART'
	),
	g(
		'Reduce sickness absence in the depot from 6% to 4% over the next twelve months, so that ' +
			'fewer rounds are missed.',
		'performance',
		3,
		'SMART'
	),
	g(
		'Spend an hour each week reviewing open cases with the junior caseworker.',
		'behavioural',
		4,
		'SMA--'
	),
	g('Do your best on the project.', 'performance', 3, '--A--')
];
