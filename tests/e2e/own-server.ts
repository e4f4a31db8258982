import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A production server of the test's own (not Playwright's shared one), so a test can kill it
 * and start it again on the same database file and port.
 */
export class OwnServer {
	readonly dbPath = join(mkdtempSync(join(tmpdir(), 'wc-own-')), 'own.db');
	#child: ChildProcess | undefined;
	/**
	 * `env`: settings of this server only (e.g. PROTOCOL_HEADER for a proxy), on top of the test's
	 * environment. `entry`: the script to run; tests/e2e/clock-server.js adds a movable follow-up clock.
	 */
	constructor(
		readonly port: number,
		readonly env: Record<string, string> = {},
		readonly entry = 'scripts/serve.js'
	) {}

	get url(): string {
		return `http://localhost:${this.port}`;
	}

	start(): Promise<void> {
		const child = spawn(process.execPath, [this.entry], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DATABASE_PATH: this.dbPath,
				SIGNUP_LIMIT_PER_HOUR: '1000',
				...this.env
			},
			stdio: ['ignore', 'pipe', 'inherit', 'ipc']
		});
		this.#child = child;
		return new Promise((resolve, reject) => {
			child.once('message', () => resolve());
			child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
		});
	}

	/** Moves the follow-up clock of a server started from tests/e2e/clock-server.js; resolves once moved. */
	moveFollowUpClock(days: number): Promise<void> {
		const child = this.#child;
		if (!child?.connected) return Promise.reject(new Error('The server is not running.'));
		return new Promise((resolve) => {
			const moved = (message: unknown) => {
				if ((message as { followUpClockDays?: number })?.followUpClockDays !== days) return;
				child.off('message', moved);
				resolve();
			};
			child.on('message', moved);
			child.send({ followUpClockDays: days });
		});
	}

	/** kill -9: no graceful shutdown, exactly like a crash or a pulled plug. */
	async crash(): Promise<void> {
		const child = this.#child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGKILL');
		await exited;
	}

	/** SIGTERM, as a service manager stops it; resolves with the exit code (0 = clean shutdown). */
	async stop(): Promise<number | null> {
		const child = this.#child;
		// Already gone (exited, or killed by a signal as crash() does): nothing to wait for.
		if (!child || child.exitCode !== null || child.signalCode !== null)
			return child?.exitCode ?? null;
		const exited = new Promise<number | null>((resolve) =>
			child.once('exit', (code) => resolve(code))
		);
		child.kill('SIGTERM');
		return exited;
	}
}
