// When a server stops, every page it served loses its connection at the same moment, and each would reconnect (through
// the load balancer, to the servers left) exactly RECONNECT_DELAY_MS later: one burst of handshakes, checks and
// snapshots. Each page waits a random part of that delay more before it reconnects, so the burst spreads over it.

/** What stomp.js waits before it reconnects a dropped connection. */
export const RECONNECT_DELAY_MS = 2000;

/** How many milliseconds more one reconnection waits. */
export type ReconnectJitter = () => number;

export const randomJitter: ReconnectJitter = () => Math.random() * RECONNECT_DELAY_MS;

export class ReconnectSpread {
	private dropped = false;

	constructor(private readonly jitter: ReconnectJitter = randomJitter) {}

	/** The connection dropped: the next connection is a reconnection. */
	drop(): void {
		this.dropped = true;
	}

	/** Before each connection: a reconnection waits its share, a first connection does not. */
	async wait(): Promise<void> {
		if (!this.dropped) {
			return;
		}
		this.dropped = false;
		const wait = this.jitter();
		if (wait > 0) {
			await new Promise((resolve) => setTimeout(resolve, wait));
		}
	}
}
