import { trainerCount } from './auth/trainers';
import { clusterConfig } from './cluster';
import { configuredLocation, getStore } from './store';
import { lanAddresses } from './public-url';

/** What `npm start` prints: where the trainer opens the app, where phones go, and how to sign in. */
export async function describeStartup(
	port: number,
	host: string,
	env = process.env
): Promise<string> {
	const local = `http://localhost:${port}`;
	const loopbackOnly = /^(127\.|localhost$|::1$)/.test(host);
	const lans = lanAddresses();
	const lines = [
		'',
		'  Workshop Companion is running.',
		'',
		`  Trainer (this computer):  ${local}`
	];
	const cluster = clusterConfig(env);
	if (env.PUBLIC_URL)
		lines.push(`  Phones:                   ${env.PUBLIC_URL.replace(/\/+$/, '')}/join`);
	else if (cluster)
		lines.push('  Phones: through the load balancer; set PUBLIC_URL to its address.');
	else if (loopbackOnly)
		lines.push(
			`  Phones cannot reach it: HOST=${host} listens on this computer only. Use HOST=0.0.0.0.`
		);
	else if (lans.length) {
		lines.push(`  Phones on the same Wi-Fi: http://${lans[0]}:${port}/join`);
		for (const other of lans.slice(1))
			lines.push(`                   or else: http://${other}:${port}/join`);
	} else lines.push('  Phones: no network address found; join the room Wi-Fi or set PUBLIC_URL.');
	const location = configuredLocation(env);
	// The URL's password (if any) stays out of the log.
	const where =
		location.kind === 'sqlite' ? location.path : `PostgreSQL ${new URL(location.url).host}`;
	lines.push(`  Database:                 ${where}`);
	if (cluster) {
		// Never print a Redis password to a log.
		const redis = new URL(cluster.redisUrl);
		redis.password = '';
		lines.push(
			`  Organisation mode:        node ${cluster.nodeId}, Redis ${redis.href}, key prefix ${cluster.prefix}`
		);
	}
	lines.push('');
	if ((await trainerCount(getStore())) === 0)
		lines.push(`  No trainer account yet. Create the first one at ${local}/signup`);
	else lines.push(`  Sign in at ${local}/login`);
	if (env.ALLOW_SIGNUP !== 'false') {
		lines.push(
			'  Anyone who can open this address can create a trainer account; set ALLOW_SIGNUP=false to stop that.'
		);
	}
	return lines.join('\n') + '\n';
}
