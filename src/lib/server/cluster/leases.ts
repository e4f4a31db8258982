import { randomBytes } from 'node:crypto';
import type { RedisClientType } from 'redis';

/** The Redis client type the cluster uses (node-redis, no modules or scripts registered). */
export type Redis = RedisClientType;

export interface LeaseTiming {
	/** A lease not renewed for this long expires, and another node may take the room. */
	ttlMs: number;
	/** How often the owner renews: a few renewals fit in one TTL, so one slow round trip is harmless. */
	renewMs: number;
	/** How often a node waiting for a room tries again. */
	pollMs: number;
}

export const DEFAULT_TIMING: LeaseTiming = { ttlMs: 5_000, renewMs: 1_500, pollMs: 200 };

/**
 * Takes the lease if it is free (a new fencing epoch) or already ours (renewed); else names the holder.
 * The epoch counter never goes back: Redis here keeps nothing on disk, so after a restart the counter
 * starts again from the clock (ARGV[3], milliseconds), which is above every epoch handed out before
 * (one takeover adds 1, far slower than the clock moves).
 */
const ACQUIRE = `
local v = redis.call('GET', KEYS[1])
if not v then
  local e = redis.call('INCR', KEYS[2])
  local floor = tonumber(ARGV[3])
  if e < floor then redis.call('SET', KEYS[2], ARGV[3]); e = floor end
  redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. e, 'PX', ARGV[2])
  return {1, tostring(e), ARGV[1]}
end
local sp = string.find(v, ' ', 1, true)
local holder = string.sub(v, 1, sp - 1)
local e = string.sub(v, sp + 1)
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1, e, holder}
end
return {0, e, holder}
`;

/** Renews only the exact lease we hold (holder and epoch): 1 renewed, 0 gone, -1 someone else's. */
const RENEW = `
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]); return 1 end
return -1
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export interface LeaseEvents {
	/** The room is ours now, with this fencing epoch (first take, or a new epoch after Redis lost it). */
	taken(roomId: string, epoch: number): void;
	/** The room is no longer ours (another node holds it, or Redis could not confirm it in time). */
	lost(roomId: string): void;
	/** Another node's load balancer route points at it: hand the room over. */
	handoverAsked(roomId: string): void;
}

/**
 * Which rooms this node runs: one lease per room in Redis (SET NX PX, a fencing epoch from INCR),
 * renewed while we run it, released when we hand it over. A node that wants a room another node
 * holds asks the holder to hand it over (pub/sub) and waits; a holder that died simply stops
 * renewing, and the lease expires after `ttlMs`.
 */
export class RoomLeases {
	/** Unique per process: a restarted node with the same NODE_ID does not inherit its dead self's leases. */
	readonly holder: string;
	readonly #owned = new Map<string, { epoch: number; renewedAt: number }>();
	readonly #leaving = new Set<string>();
	/** Rooms whose lease Redis could not confirm for a whole TTL (Redis restarting or unreachable). */
	readonly #unconfirmed = new Set<string>();
	readonly #claims = new Map<string, Promise<boolean>>();
	readonly #asked = new Map<string, number>();
	#timer: ReturnType<typeof setInterval> | undefined;
	#subscriber: Redis | undefined;

	constructor(
		private readonly redis: Redis,
		private readonly prefix: string,
		readonly nodeId: string,
		private readonly events: LeaseEvents,
		readonly timing: LeaseTiming = DEFAULT_TIMING
	) {
		this.holder = `${nodeId}/${randomBytes(4).toString('hex')}`;
	}

	async start(): Promise<void> {
		this.#subscriber = this.redis.duplicate();
		this.#subscriber.on('error', () => {}); // reconnects by itself; the main client logs
		await this.#subscriber.connect();
		await this.#subscriber.subscribe(this.#channel, (message) => {
			const { roomId, from } = JSON.parse(message) as { roomId: string; from: string };
			if (from !== this.holder && this.owns(roomId)) this.events.handoverAsked(roomId);
		});
		this.#timer = setInterval(() => void this.#renewAll(), this.timing.renewMs);
		this.#timer.unref();
	}

	async stop(): Promise<void> {
		clearInterval(this.#timer);
		await this.#subscriber?.quit().catch(() => {});
	}

	/** Whether this node runs the room now (and is not handing it over). */
	owns(roomId: string): boolean {
		return this.#owned.has(roomId) && !this.#leaving.has(roomId);
	}

	/**
	 * Whether the lease is confirmed: false while Redis has not answered for a TTL. The room stays
	 * here with its sockets (nobody else can take it while Redis is away), but refuses new inputs
	 * until Redis answers again, because then another node may be taking it.
	 */
	confirmed(roomId: string): boolean {
		return !this.#unconfirmed.has(roomId);
	}

	ownedRooms(): string[] {
		return [...this.#owned.keys()];
	}

	/**
	 * Resolves true once this node holds the room, false if it could not within `waitMs`. Meanwhile
	 * it asks the holder (at most once a second) to hand the room over.
	 */
	claim(roomId: string, waitMs: number): Promise<boolean> {
		if (this.owns(roomId)) return Promise.resolve(true);
		let pending = this.#claims.get(roomId);
		if (!pending) {
			pending = this.#claim(roomId, waitMs).finally(() => this.#claims.delete(roomId));
			this.#claims.set(roomId, pending);
		}
		return pending;
	}

	async #claim(roomId: string, waitMs: number): Promise<boolean> {
		const until = Date.now() + waitMs;
		let askedAt = 0;
		for (;;) {
			if (!this.#leaving.has(roomId)) {
				const got = await this.#acquire(roomId);
				if (got) return true;
				if (Date.now() - askedAt >= 1000) {
					askedAt = Date.now();
					await this.redis.publish(this.#channel, JSON.stringify({ roomId, from: this.holder }));
				}
			}
			if (Date.now() + this.timing.pollMs > until) return false;
			await new Promise((r) => setTimeout(r, this.timing.pollMs));
		}
	}

	async #acquire(roomId: string): Promise<boolean> {
		const [ok, epochText] = (await this.redis.eval(ACQUIRE, {
			keys: [this.#leaseKey(roomId), this.#epochKey(roomId)],
			arguments: [this.holder, String(this.timing.ttlMs), String(Date.now())]
		})) as [number, string, string];
		if (ok !== 1) return false;
		const epoch = Number(epochText);
		const had = this.#owned.get(roomId);
		this.#owned.set(roomId, { epoch, renewedAt: Date.now() });
		if (had?.epoch !== epoch) this.events.taken(roomId, epoch);
		return true;
	}

	/** Stops running the room at once (no new work), before the caller flushes and releases it. */
	leave(roomId: string): void {
		if (this.#owned.has(roomId)) this.#leaving.add(roomId);
	}

	/** Gives the lease back, so the next node takes the room without waiting for the TTL. */
	async release(roomId: string): Promise<void> {
		const owned = this.#owned.get(roomId);
		this.#owned.delete(roomId);
		this.#leaving.delete(roomId);
		this.#unconfirmed.delete(roomId);
		if (!owned) return;
		await this.redis
			.eval(RELEASE, {
				keys: [this.#leaseKey(roomId)],
				arguments: [`${this.holder} ${owned.epoch}`]
			})
			.catch(() => {});
	}

	/** A handover is asked for at most once per room per few seconds: no ping-pong between two routes. */
	mayHandOver(roomId: string): boolean {
		const last = this.#asked.get(roomId) ?? 0;
		if (Date.now() - last < 5_000) return false;
		this.#asked.set(roomId, Date.now());
		return true;
	}

	async #renewAll(): Promise<void> {
		await Promise.all(
			[...this.#owned.entries()].map(async ([roomId, owned]) => {
				if (this.#leaving.has(roomId)) return;
				let result: number;
				try {
					result = (await this.redis.eval(RENEW, {
						keys: [this.#leaseKey(roomId)],
						arguments: [`${this.holder} ${owned.epoch}`, String(this.timing.ttlMs)]
					})) as number;
				} catch {
					// Redis unreachable: nobody can take the room meanwhile, so it stays here with its
					// sockets; past the TTL its inputs wait (on the phones) until the lease is confirmed.
					if (Date.now() - owned.renewedAt > this.timing.ttlMs) this.#unconfirmed.add(roomId);
					return;
				}
				if (result === 1) {
					owned.renewedAt = Date.now();
					this.#unconfirmed.delete(roomId);
				}
				// Redis restarted empty: take it again, with a new epoch (the store fences the old one).
				else if (result === 0 && (await this.#acquire(roomId).catch(() => false)))
					this.#unconfirmed.delete(roomId);
				else this.#lose(roomId);
			})
		);
	}

	#lose(roomId: string): void {
		if (!this.#owned.has(roomId)) return;
		this.#owned.delete(roomId);
		this.#leaving.delete(roomId);
		this.#unconfirmed.delete(roomId);
		this.events.lost(roomId);
	}

	get #channel() {
		return `${this.prefix}handover`;
	}
	#leaseKey(roomId: string) {
		return `${this.prefix}lease:${roomId}`;
	}
	#epochKey(roomId: string) {
		return `${this.prefix}epoch:${roomId}`;
	}
}
