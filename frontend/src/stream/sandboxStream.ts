// Connects to a sandbox's STOMP topics (or a classroom room's): events and statistics, plus a snapshot whenever the view
// must start over (first connection, reconnection, a missed batch, a replaced simulation). Only receives: commands are
// HTTP. It stops for good when what it watches is gone (a room's last message says so, or the check before a
// reconnection), saying so in the server's words when the server gave some.
import { Client, type IMessage, type StompSubscription } from '@stomp/stompjs';
import {
	isEventBatch,
	isSandboxSnapshot,
	isStatisticsMessage,
	isStreamEnded,
	type EventBatch,
	type SandboxSnapshot,
	type StatisticsMessage,
} from '../protocol/events';
import { firstError, LIVE, type Presence } from './presence';
import { RECONNECT_DELAY_MS, ReconnectSpread, type ReconnectJitter } from './reconnectSpread';
import { BatchSequencer } from './sequencer';
import { BROKER_AWAY_TEXT, isBrokerAway, streamErrorText } from './streamErrors';

/** How the stream reads over HTTP (the page's fetch, or an embed's that carries its token). */
export type StreamFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface SandboxStreamOptions {
	brokerURL: string;
	eventsTopic: string;
	statsTopic: string;
	snapshotDestination: string;
	/**
	 * Where to GET the snapshot instead of subscribing to snapshotDestination (a room's: a load balancer takes the
	 * request to the room's owner, while the stream itself may be connected to any instance).
	 */
	snapshotUrl?: string;
	/** How snapshotUrl is read; the page's fetch by default. */
	fetcher?: StreamFetch;
	/** Asked before every (re)connection: what ended (a sandbox unused too long, or whose server stopped) is not reconnected to. */
	presence: () => Promise<Presence>;
	/** What the status says when what is watched is gone and the server gave no words (a room words it its own way). */
	endedText?: string;
	/** How much longer than stomp.js's delay a reconnection waits; a random part of it by default. */
	reconnectJitter?: ReconnectJitter;
}

export interface SandboxStreamListener {
	snapshot(snapshot: SandboxSnapshot): void;
	batch(batch: EventBatch): void;
	statistics(message: StatisticsMessage): void;
	status(text: string): void;
	/** What is watched is gone for good: the stream has stopped. A listener with this shows the words; the status line says "ended". */
	ended?(message: string): void;
}

const SANDBOX_ENDED = 'this sandbox has ended (unused for too long); reload the page for a new one';
const SNAPSHOT_RETRY_MS = 2000;

export class SandboxStream {
	private readonly client: Client;
	private readonly sequencer = new BatchSequencer();
	private readonly fetcher: StreamFetch;
	private readonly spread: ReconnectSpread;
	private ended = false;
	/** The last ERROR frame said the server's message broker is away: the reconnection says so too. */
	private brokerAway = false;
	private snapshotSubscription: StompSubscription | undefined;
	/** Counts snapshot requests over HTTP: only the answer to the latest one is applied. */
	private snapshotRequests = 0;
	/** The words of the server's last refusal (an ERROR frame), until a snapshot shows the stream works again. */
	private refusal: string | null = null;

	constructor(
		private readonly options: SandboxStreamOptions,
		private readonly listener: SandboxStreamListener,
	) {
		this.fetcher = options.fetcher ?? ((url, init) => fetch(url, init));
		this.spread = new ReconnectSpread(options.reconnectJitter);
		this.client = new Client({
			brokerURL: options.brokerURL,
			reconnectDelay: RECONNECT_DELAY_MS,
			beforeConnect: async () => {
				await this.spread.wait();
				const presence = await options.presence().catch(() => LIVE);
				if (!presence.live) {
					// A refused SUBSCRIBE carries the same words as the HTTP answer (SandboxRegistry.whyMissing)
					await this.end(presence.words ?? this.refusal ?? options.endedText ?? SANDBOX_ENDED);
				}
			},
			onConnect: () => this.connected(),
			onWebSocketClose: () => {
				this.spread.drop();
				if (!this.ended) {
					listener.status(this.brokerAway ? BROKER_AWAY_TEXT : 'disconnected, reconnecting…');
				}
			},
			onStompError: (frame) => {
				const words = frame.headers['message'];
				this.brokerAway = isBrokerAway(words);
				// a broker that is away says nothing of the sandbox; a refusal (SandboxRegistry.whyMissing) may
				this.refusal = this.brokerAway || words === undefined || words === '' ? this.refusal : words;
				listener.status(streamErrorText(words));
			},
		});
	}

	start(): void {
		this.client.activate();
	}

	stop(): Promise<void> {
		return this.client.deactivate();
	}

	/**
	 * Starts over from a new snapshot: what the topics carry now comes from another source (a room showing another
	 * sandbox), whose batches the sequencer must not take for the next of the old ones.
	 */
	resync(): void {
		if (this.ended || !this.client.connected) {
			return;
		}
		this.sequencer.resync();
		this.requestSnapshot();
	}

	private connected(): void {
		this.brokerAway = false;
		this.listener.status('connected');
		this.sequencer.resync();
		// Events first, then the snapshot: no batch can fall between the two
		this.client.subscribe(this.options.eventsTopic, (message) => this.received(message));
		this.client.subscribe(this.options.statsTopic, (message) => {
			const body = parse(message);
			if (isStatisticsMessage(body)) {
				this.listener.statistics(body);
			}
		});
		this.requestSnapshot();
	}

	private end(text: string): Promise<void> {
		this.ended = true;
		// A listener that shows the end itself (a notice with the words and what to do) gets the words once, there
		if (this.listener.ended !== undefined) {
			this.listener.status('ended');
			this.listener.ended(text);
		} else {
			this.listener.status(text);
		}
		return this.client.deactivate();
	}

	private received(message: IMessage): void {
		const body = parse(message);
		if (isStreamEnded(body)) {
			void this.end(body.message);
			return;
		}
		if (!isEventBatch(body)) {
			return;
		}
		const verdict = this.sequencer.onBatch(body);
		if (verdict.kind === 'resync') {
			this.listener.status(`resynchronising: ${verdict.reason}`);
			this.requestSnapshot();
			return;
		}
		verdict.batches.forEach((batch) => this.listener.batch(batch));
	}

	private requestSnapshot(): void {
		const url = this.options.snapshotUrl;
		if (url !== undefined && url !== '') {
			void this.fetchSnapshot(url);
			return;
		}
		this.snapshotSubscription?.unsubscribe();
		const subscription = this.client.subscribe(this.options.snapshotDestination, (message) => {
			subscription.unsubscribe();
			this.snapshotSubscription = undefined;
			this.snapshotArrived(parse(message));
		});
		this.snapshotSubscription = subscription;
	}

	/**
	 * The snapshot over HTTP. Only the latest request's answer counts (a resync or a reconnection meanwhile asked
	 * again); a room or sandbox that is gone (404, 410) ends the stream; any other failure (the server busy, the
	 * network) is tried again while the stream is connected.
	 */
	private async fetchSnapshot(url: string): Promise<void> {
		const request = ++this.snapshotRequests;
		const answer = await this.fetcher(url, { headers: { Accept: 'application/json' } })
			.then(async (response) => ({ status: response.status, ok: response.ok, body: await response.json().catch(() => undefined) as unknown }))
			.catch(() => null);
		if (request !== this.snapshotRequests || this.ended || !this.client.connected) {
			return;
		}
		if (answer !== null && (answer.ok || answer.status === 404 || answer.status === 410)) {
			this.snapshotArrived(answer.body);
			return;
		}
		this.listener.status(answer === null ? 'the snapshot could not be read; trying again…'
			: `the snapshot could not be read (HTTP ${answer.status}); trying again…`);
		setTimeout(() => {
			if (request === this.snapshotRequests && !this.ended && this.client.connected) {
				this.requestSnapshot();
			}
		}, SNAPSHOT_RETRY_MS);
	}

	/** A snapshot, by either way: drawn, then the batches held meanwhile; any other answer means the end. */
	private snapshotArrived(body: unknown): void {
		if (!isSandboxSnapshot(body)) {
			void this.end(firstError(body) ?? this.options.endedText ?? 'this sandbox has ended; reload the page for a new one');
			return;
		}
		this.refusal = null;
		this.listener.snapshot(body);
		this.listener.status('live');
		const verdict = this.sequencer.onSnapshot(body);
		if (verdict.kind === 'resync') {
			this.requestSnapshot();
			return;
		}
		verdict.batches.forEach((batch) => this.listener.batch(batch));
	}
}

function parse(message: IMessage): unknown {
	try {
		return JSON.parse(message.body);
	}
	catch {
		return undefined;
	}
}
