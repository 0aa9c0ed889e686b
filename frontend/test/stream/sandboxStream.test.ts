import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventBatch } from '../../src/protocol/events';
import { LIVE, presenceOf, type Presence } from '../../src/stream/presence';
import { SandboxStream, type SandboxStreamListener, type SandboxStreamOptions } from '../../src/stream/sandboxStream';
import { snapshot } from '../scene/fixtures';

// A STOMP client that connects when the test says so and delivers what the test sends
const { clients, FakeClient } = vi.hoisted(() => {
	interface Config {
		beforeConnect: () => Promise<void>;
		onConnect: () => void;
		onStompError: (frame: { headers: Record<string, string> }) => void;
		onWebSocketClose: () => void;
	}
	class Fake {
		connected = false;
		deactivated = false;
		readonly subscribed: string[] = [];
		private readonly handlers = new Map<string, (message: { body: string }) => void>();
		constructor(readonly config: Config) {
			clients.push(this);
		}
		activate(): void {
			this.deactivated = false;
		}
		deactivate(): Promise<void> {
			this.deactivated = true;
			this.connected = false;
			return Promise.resolve();
		}
		/** What activate() does before each (re)connection: the check, then the connection unless it ended. */
		async connect(): Promise<void> {
			await this.config.beforeConnect();
			if (!this.deactivated) {
				this.connected = true;
				this.config.onConnect();
			}
		}
		subscribe(destination: string, handler: (message: { body: string }) => void) {
			this.subscribed.push(destination);
			this.handlers.set(destination, handler);
			return { unsubscribe: () => this.handlers.delete(destination) };
		}
		deliver(destination: string, body: unknown): void {
			this.handlers.get(destination)?.({ body: JSON.stringify(body) });
		}
		refuse(message: string): void {
			this.config.onStompError({ headers: { message } });
			this.connected = false;
			this.config.onWebSocketClose();
		}
	}
	const clients: Fake[] = [];
	return { clients, FakeClient: Fake };
});

vi.mock('@stomp/stompjs', () => ({ Client: FakeClient }));

function batch(seq: number): EventBatch {
	return { seq, generation: 0, simTime: seq * 50_000, tickWallTime: 0, events: [], missed: {} };
}

function json(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

interface Heard {
	snapshots: number[];
	batches: number[];
	statuses: string[];
	ended: string[];
}

function listen(): { heard: Heard; listener: SandboxStreamListener } {
	const heard: Heard = { snapshots: [], batches: [], statuses: [], ended: [] };
	return {
		heard,
		listener: {
			snapshot: (s) => heard.snapshots.push(s.seq),
			batch: (b) => heard.batches.push(b.seq),
			statistics: () => undefined,
			status: (text) => heard.statuses.push(text),
			ended: (message) => heard.ended.push(message),
		},
	};
}

function options(overrides: Partial<SandboxStreamOptions> = {}): SandboxStreamOptions {
	return {
		brokerURL: 'ws://h/ws?room=BK7F2Q',
		eventsTopic: '/topic/rooms/BK7F2Q/events',
		statsTopic: '/topic/rooms/BK7F2Q/stats',
		snapshotDestination: '/app/rooms/BK7F2Q/snapshot',
		presence: () => Promise.resolve(LIVE),
		reconnectJitter: () => 0,
		...overrides,
	};
}

/** Lets the stream's pending promises (a fetch, its body) settle. */
function settle(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
	clients.length = 0;
});

afterEach(() => {
	vi.useRealTimers();
});

describe('SandboxStream, a room\'s snapshot over HTTP', () => {
	it('subscribes to the events first, then fetches the snapshot instead of subscribing to it', async () => {
		const requests: { url: string; init: RequestInit }[] = [];
		const { heard, listener } = listen();
		new SandboxStream(options({
			snapshotUrl: '/api/v1/rooms/BK7F2Q/snapshot',
			fetcher: (url, init) => {
				requests.push({ url, init });
				// a batch arrives while the snapshot is on its way: it must not be lost
				client.deliver('/topic/rooms/BK7F2Q/events', batch(8));
				return Promise.resolve(json(200, snapshot({ seq: 7 })));
			},
		}), listener).start();
		const client = clients[0];
		await client.connect();
		await settle();

		expect(client.subscribed).toEqual(['/topic/rooms/BK7F2Q/events', '/topic/rooms/BK7F2Q/stats']);
		expect(requests).toEqual([{ url: '/api/v1/rooms/BK7F2Q/snapshot', init: { headers: { Accept: 'application/json' } } }]);
		expect(heard.snapshots).toEqual([7]);
		expect(heard.batches).toEqual([8]);
		expect(heard.statuses).toContain('live');
	});

	it('fetches again when a batch is missing, and applies only the newest answer', async () => {
		const answers = [snapshot({ seq: 1 }), snapshot({ seq: 5 })];
		const { heard, listener } = listen();
		new SandboxStream(options({
			snapshotUrl: '/s',
			fetcher: () => Promise.resolve(json(200, answers.shift())),
		}), listener).start();
		const client = clients[0];
		await client.connect();
		await settle();
		client.deliver('/topic/rooms/BK7F2Q/events', batch(2));
		client.deliver('/topic/rooms/BK7F2Q/events', batch(4));
		await settle();

		expect(heard.snapshots).toEqual([1, 5]);
		expect(heard.batches).toEqual([2]);
		expect(heard.statuses.some((s) => s.startsWith('resynchronising'))).toBe(true);
	});

	it('ends with the server\'s words when the room is gone', async () => {
		const { heard, listener } = listen();
		new SandboxStream(options({
			snapshotUrl: '/s',
			endedText: 'This room has ended.',
			fetcher: () => Promise.resolve(json(410, { errors: ['This room has ended: the teacher closed it (room BK7-F2Q).'] })),
		}), listener).start();
		const client = clients[0];
		await client.connect();
		await settle();

		expect(heard.ended).toEqual(['This room has ended: the teacher closed it (room BK7-F2Q).']);
		expect(heard.statuses.at(-1)).toBe('ended');
		expect(heard.statuses).not.toContain('This room has ended: the teacher closed it (room BK7-F2Q).');
		expect(heard.snapshots).toEqual([]);
		expect(client.deactivated).toBe(true);
	});

	it('tries again, without ending, when the server could not answer', async () => {
		vi.useFakeTimers();
		const answers = [json(502, { errors: ['Bad gateway'] }), json(200, snapshot({ seq: 3 }))];
		const { heard, listener } = listen();
		new SandboxStream(options({ snapshotUrl: '/s', fetcher: () => Promise.resolve(answers.shift() as Response) }), listener).start();
		const client = clients[0];
		await client.connect();
		await vi.advanceTimersByTimeAsync(0);
		expect(heard.statuses).toContain('the snapshot could not be read (HTTP 502); trying again…');
		expect(heard.ended).toEqual([]);

		await vi.advanceTimersByTimeAsync(2000);
		expect(heard.snapshots).toEqual([3]);
	});
});

describe('SandboxStream, the snapshot over STOMP', () => {
	it('subscribes to the snapshot destination when no URL is given, and ends with its error\'s words', async () => {
		const { heard, listener } = listen();
		new SandboxStream(options(), listener).start();
		const client = clients[0];
		await client.connect();
		expect(client.subscribed).toEqual(['/topic/rooms/BK7F2Q/events', '/topic/rooms/BK7F2Q/stats', '/app/rooms/BK7F2Q/snapshot']);

		client.deliver('/app/rooms/BK7F2Q/snapshot', { errors: ['There is no sandbox "x": it ended.'] });
		expect(heard.ended).toEqual(['There is no sandbox "x": it ended.']);
	});
});

describe('SandboxStream, a sandbox that ended', () => {
	const gone = 'Sandbox "B-AbCdEfGhIjKlMnOpQrStUv" lived on server B, which is not answering (it stopped or restarted), '
		+ 'so the sandbox has ended. Start a new one, or open your permalink to carry on from the state you shared.';

	it('shows the server\'s words from the check before connecting', async () => {
		const { heard, listener } = listen();
		new SandboxStream(options({
			presence: async () => presenceOf(json(404, { errors: [gone] })),
		}), listener).start();
		const client = clients[0];
		await client.connect();

		expect(heard.ended).toEqual([gone]);
		// the words once, in the listener's notice; the status line only says it ended
		expect(heard.statuses).toEqual(['ended']);
		expect(client.connected).toBe(false);
	});

	it('keeps its own words when the check\'s answer has none', async () => {
		const { heard, listener } = listen();
		new SandboxStream(options({
			presence: async () => presenceOf(new Response('<html>gone</html>', { status: 404 })),
		}), listener).start();
		await clients[0].connect();

		expect(heard.ended).toEqual(['this sandbox has ended (unused for too long); reload the page for a new one']);
	});

	/** A stream whose subscription was refused with the server's words while the check still found it live. */
	async function refusedWhileLive() {
		let presence: Presence = LIVE;
		const { heard, listener } = listen();
		new SandboxStream(options({ presence: () => Promise.resolve(presence) }), listener).start();
		const client = clients[0];
		await client.connect();
		client.refuse(gone);
		/** The next check finds the sandbox gone and has no words of its own: the client connects again. */
		const checkFindsItGone = async (): Promise<void> => {
			presence = { live: false, words: null };
			await client.connect();
		};
		return { heard, client, checkFindsItGone };
	}

	it('shows the words of a refused subscription when the check that follows has none', async () => {
		const { heard, checkFindsItGone } = await refusedWhileLive();
		expect(heard.statuses).toContain(`error: ${gone}`);
		expect(heard.ended).toEqual([]);

		await checkFindsItGone();
		expect(heard.ended).toEqual([gone]);
	});

	it('does not take a broker outage for the sandbox\'s end', async () => {
		const { heard, client, checkFindsItGone } = await refusedWhileLive();
		client.refuse('Broker not available.');
		await checkFindsItGone();
		expect(heard.ended).toEqual([gone]);
	});

	it('waits a random part of the reconnect delay more after a drop, so a stopped server\'s pages do not all return at once', async () => {
		vi.useFakeTimers();
		const { listener } = listen();
		new SandboxStream(options({ reconnectJitter: () => 1500 }), listener).start();
		const client = clients[0];
		// the first connection does not wait
		await client.connect();
		expect(client.connected).toBe(true);
		client.refuse('Broker not available.');
		const reconnecting = client.connect();
		await vi.advanceTimersByTimeAsync(1499);
		expect(client.connected).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		await reconnecting;
		expect(client.connected).toBe(true);
	});

	it('reconnects when the check fails (the network, not the sandbox)', async () => {
		const { heard, listener } = listen();
		new SandboxStream(options({ presence: () => Promise.reject(new Error('offline')) }), listener).start();
		const client = clients[0];
		await client.connect();

		expect(heard.ended).toEqual([]);
		expect(client.connected).toBe(true);
	});
});
