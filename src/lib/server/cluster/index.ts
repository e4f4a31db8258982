import { hostname } from 'node:os';
import { createClient } from 'redis';
import { DEFAULT_TIMING, RoomLeases, type LeaseEvents, type Redis } from './leases';

/**
 * Organisation mode's node-to-node part, switched on by REDIS_URL: socket.io's Redis Streams adapter,
 * room leases and shared rate limits all use this one client. Without REDIS_URL there is no cluster
 * and nothing here runs.
 */
export interface ClusterConfig {
	redisUrl: string;
	/** This node's name in logs and leases (NODE_ID; the host name and process id by default). */
	nodeId: string;
	/** Every Redis key and stream of this deployment starts with it (REDIS_PREFIX, default "wc:"). */
	prefix: string;
}

export function clusterConfig(env = process.env): ClusterConfig | null {
	if (!env.REDIS_URL) return null;
	return {
		redisUrl: env.REDIS_URL,
		nodeId: env.NODE_ID || `${hostname()}-${process.pid}`,
		prefix: env.REDIS_PREFIX || 'wc:'
	};
}

export interface Cluster {
	config: ClusterConfig;
	redis: Redis;
	/** Made by the socket server, which knows what to do when a room is taken, lost or asked for. */
	leases(events: LeaseEvents): RoomLeases;
	close(): Promise<void>;
}

const KEY = Symbol.for('workshop-companion.cluster');
type Holder = typeof globalThis & { [KEY]?: Cluster | null };

/** Connects to Redis once per process; null when REDIS_URL is not set. */
export async function startCluster(config = clusterConfig()): Promise<Cluster | null> {
	const g = globalThis as Holder;
	if (g[KEY] !== undefined) return g[KEY];
	g[KEY] = config ? await connectCluster(config) : null;
	return g[KEY];
}

/** A node's connection to Redis (startCluster keeps the process's one; tests make several). */
export async function connectCluster(config: ClusterConfig): Promise<Cluster> {
	const redis = createClient({
		url: config.redisUrl,
		// Reconnect quickly and forever: a Redis restart must not take the node down.
		socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) }
	}) as Redis;
	let reported = false;
	redis.on('error', (err: Error) => {
		if (reported) return;
		reported = true;
		console.error(`[cluster] Redis at ${config.redisUrl}: ${err.message} (retrying)`);
	});
	redis.on('ready', () => (reported = false));
	await redis.connect();
	let leases: RoomLeases | undefined;
	return {
		config,
		redis,
		leases(events) {
			leases ??= new RoomLeases(redis, config.prefix, config.nodeId, events, DEFAULT_TIMING);
			return leases;
		},
		async close() {
			await leases?.stop();
			await redis.quit().catch(() => {});
		}
	};
}

export function currentCluster(): Cluster | null {
	return (globalThis as Holder)[KEY] ?? null;
}

const COUNT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`;

/**
 * A count per key over a fixed window, shared by every node (the join guard's wrong codes per
 * address: codes hash to different nodes, so a guesser's tries would otherwise be counted apart).
 */
export function sharedCounter(
	cluster: Cluster,
	name: string,
	windowMs: number
): (key: string) => Promise<number> {
	return async (key) =>
		Number(
			await cluster.redis.eval(COUNT, {
				keys: [`${cluster.config.prefix}count:${name}:${key}`],
				arguments: [String(windowMs)]
			})
		);
}
