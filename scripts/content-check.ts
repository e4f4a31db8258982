// `npm run content:check`: validates every content file and prints file:line: problem.
import { checkContent } from '../src/lib/server/content/index.ts';
import { formatProblem } from '../src/lib/server/content/yaml-file.ts';

const { agendas, problems } = checkContent();
for (const p of problems) console.log(`sessions/${formatProblem(p)}`);
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(`${agendas.length} agenda(s) loaded, ${errors} error(s), ${problems.length - errors} warning(s).`);
process.exit(errors > 0 ? 1 : 0);
