// Test-only entry: the production server (scripts/serve.js) with its follow-up clock moved ahead.
// The days are set here once, before the app loads, from FOLLOW_UP_TEST_CLOCK_DAYS; the test moves
// them later with an IPC message ({ followUpClockDays }) and waits for the reply, so a running
// server can be taken weeks ahead without production code reading a file or variable per request.
// Read by src/lib/server/followup/clock.ts.
const KEY = Symbol.for('workshop-companion.follow-up-clock-days');
const shared = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis));

shared[KEY] = Number(process.env.FOLLOW_UP_TEST_CLOCK_DAYS ?? 0);
process.on('message', (/** @type {{ followUpClockDays?: unknown }} */ message) => {
	if (typeof message?.followUpClockDays !== 'number') return;
	shared[KEY] = message.followUpClockDays;
	process.send?.({ followUpClockDays: shared[KEY] });
});
// By URL: the entry is plain JavaScript run by Node, not part of the type-checked program.
await import(new URL('../../scripts/serve.js', import.meta.url).href);
