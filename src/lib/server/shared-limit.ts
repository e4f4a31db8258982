import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { currentCluster } from './cluster';
import { RateLimiter } from './rate-limit';

/**
 * A rate limit that, in organisation mode, is counted in Redis for every node together: behind a
 * load balancer a second node must not double anyone's allowance. On one node (no REDIS_URL), and
 * for the moment Redis does not answer, it is the in-memory RateLimiter.
 */
export class SharedRateLimiter {
	readonly #local: RateLimiter;
	#remote: RateLimiterRedis | undefined;

	constructor(
		readonly name: string,
		readonly limit: number,
		readonly windowMs: number
	) {
		this.#local = new RateLimiter(limit, windowMs);
	}

	/** Counts a hit and says whether it is allowed (the same answer as RateLimiter.hit). */
	async hit(key: string): Promise<{ allowed: boolean; retryAfterMs: number }> {
		const cluster = currentCluster();
		if (!cluster) return this.#local.hit(key);
		this.#remote ??= new RateLimiterRedis({
			storeClient: cluster.redis,
			useRedisPackage: true,
			keyPrefix: `${cluster.config.prefix}limit:${this.name}`,
			points: this.limit,
			duration: Math.ceil(this.windowMs / 1000)
		});
		try {
			const res = await this.#remote.consume(key);
			return { allowed: true, retryAfterMs: res.msBeforeNext };
		} catch (err) {
			if (err instanceof RateLimiterRes) return { allowed: false, retryAfterMs: err.msBeforeNext };
			// Redis is away: this node's own count still stops a flood.
			return this.#local.hit(key);
		}
	}
}
