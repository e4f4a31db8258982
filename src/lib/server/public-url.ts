import { networkInterfaces } from 'node:os';

export interface JoinAddress {
	/** Where phones go, without a trailing slash: e.g. http://192.168.1.20:3000 */
	base: string;
	/** Set when phones probably cannot reach `base`; says what to do about it. */
	warning?: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d+){3}|\[::1\]|::1|0\.0\.0\.0)$/i;

/** Origins configured for this deployment, for the socket origin check. */
export function configuredOrigins(env = process.env): string[] {
	return [env.PUBLIC_URL, env.ORIGIN]
		.filter((v): v is string => !!v)
		.flatMap((v) => {
			try {
				return [new URL(v).origin];
			} catch {
				return [];
			}
		});
}

// Container, VM and VPN interfaces have private addresses that phones on the Wi-Fi cannot reach.
const VIRTUAL =
	/^(docker|br-|veth|virbr|vboxnet|vmnet|lxc|cni|flannel|podman|tun|tap|utun|zt|wg|tailscale)/i;

/** The machine's IPv4 addresses that phones might reach: real interfaces, private ranges first. */
export function lanAddresses(interfaces = networkInterfaces()): string[] {
	const isPrivate = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
	const found = Object.entries(interfaces)
		.filter(([name]) => !VIRTUAL.test(name))
		.flatMap(([, list]) => list ?? [])
		.filter((i) => i.family === 'IPv4' && !i.internal)
		.map((i) => i.address);
	return [...found.filter(isPrivate), ...found.filter((a) => !isPrivate(a))];
}

/** The address the venue Wi-Fi most likely gave this machine, if any. */
export function lanAddress(interfaces = networkInterfaces()): string | undefined {
	return lanAddresses(interfaces)[0];
}

/**
 * The address phones should open. PUBLIC_URL wins; a page opened on localhost swaps in the
 * machine's LAN address (same port), because "localhost" on a phone is the phone itself.
 */
export function joinAddress(
	requestUrl: URL,
	env = process.env,
	lan: string | null = lanAddress() ?? null
): JoinAddress {
	if (env.PUBLIC_URL) return { base: env.PUBLIC_URL.replace(/\/+$/, '') };
	if (!LOOPBACK.test(requestUrl.hostname)) return { base: requestUrl.origin };
	// Listening on loopback only (HOST=127.0.0.1): the LAN address would be a dead link on every
	// phone. Say so plainly on the projector and room page instead of showing it.
	if (env.HOST && LOOPBACK.test(env.HOST) && !/^0\.0\.0\.0$/.test(env.HOST)) {
		return {
			base: requestUrl.origin,
			warning: `Phones cannot join: this server listens on this computer only (HOST=${env.HOST}). Restart it with HOST=0.0.0.0, or set PUBLIC_URL.`
		};
	}
	if (!lan) {
		return {
			base: requestUrl.origin,
			warning:
				'This computer has no network address phones can reach. Connect to the room’s Wi-Fi, or set PUBLIC_URL.'
		};
	}
	const url = new URL(requestUrl.origin);
	url.hostname = lan;
	return { base: url.origin };
}
