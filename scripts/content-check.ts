// `npm run content:check`: validates every content file and prints file:line: problem.
import { checkContent } from '../src/lib/server/content/index.ts';
import { formatProblem } from '../src/lib/server/content/yaml-file.ts';
import { deckProblems } from '../src/lib/server/decks/file-decks.ts';

const { agendas, problems, activities, activityProblems } = checkContent();
// Decks named beside agenda files: readable PDFs, and every block's slides within their pages.
problems.push(...(await deckProblems(agendas)));
for (const p of activityProblems) console.log(`activities/${formatProblem(p)}`);
for (const p of problems) console.log(`sessions/${formatProblem(p)}`);
const all = [...problems, ...activityProblems];
const errors = all.filter((p) => p.severity === 'error').length;
console.log(
	`${agendas.length} agenda(s), ${activities.length} activit${activities.length === 1 ? 'y' : 'ies'} loaded; ` +
		`${errors} error(s), ${all.length - errors} warning(s).`
);
process.exit(errors > 0 ? 1 : 0);
