// `npm run content:check`: validates every content file and prints file:line: problem.
import { loadAgendas } from '../src/lib/server/content/agendas.ts';
import { formatProblem } from '../src/lib/server/content/yaml-file.ts';
import { sessionsDir } from '../src/lib/server/content/dirs.ts';

const { agendas, problems } = loadAgendas(sessionsDir());
for (const p of problems) console.log(`sessions/${formatProblem(p)}`);
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(`${agendas.length} agenda(s) loaded, ${errors} error(s), ${problems.length - errors} warning(s).`);
process.exit(errors > 0 ? 1 : 0);
