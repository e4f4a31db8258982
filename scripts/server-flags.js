// Node's flags for the production server, wherever it is started: `npm start` and `npm run preview`
// (package.json repeats them literally; tests/unit/server-flags.test.ts holds it to this list), the
// load benchmark (bench/targets.js) and the cluster tests' nodes (tests/cluster/cluster.ts).
//
// --v8-pool-size=0: V8's helper threads (concurrent marking, parallel scavenges, background
// compilation) number one fewer than the cores, not Node's fixed 4. On a 2-core server 4 helpers
// and the writer thread took turns on the cores with the thread that serves every socket, which
// was preempted mid-burst: in same-minute pairs (README, Load benchmark, the twelfth round) one
// helper cut the 100 rooms' AMO ack p99 from 105–137 to 37–72 ms, group editing's from 34–37 to
// 20–23 ms, and raised 8,000 phones' accepted inputs per second by about a tenth. On a bigger
// machine it gives V8 more helpers than 4, as many as it has cores to spare.
export const SERVER_NODE_FLAGS = ['--v8-pool-size=0'];
