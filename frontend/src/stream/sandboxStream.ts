// Connects to a sandbox's STOMP topics (or a classroom room's): events and statistics, plus a snapshot whenever the view
// must start over (first connection, reconnection, a missed batch, a replaced simulation). Only receives: commands are
// HTTP. It stops for good when what it watches is gone (a room's last message says so).
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
import { BatchSequencer } from './sequencer';
import { BROKER_AWAY_TEXT, isBrokerAway, streamErrorText } from './streamErrors';

export interface SandboxStreamOptions {
	brokerURL: string;
	eventsTopic: string;
	statsTopic: string;
	snapshotDestination: string;
	/** Asked before every (re)connection: a sandbox that ended (idle too long) is not reconnected to. */
	sandboxExists: () => Promise<boolean>;
	/** What the status says when what is watched is gone (a room words it its own way). */
	endedText?: string;
}

export interface SandboxStreamListener {
	snapshot(snapshot: SandboxSnapshot): void;
	batch(batch: EventBatch): void;
	statistics(message: StatisticsMessage): void;
	status(text: string): void;
	/** What is watched is gone for good: the stream has stopped. */
	ended?(message: string): void;
}

export class SandboxStream {
	private readonly client: Client;
	private readonly sequencer = new BatchSequencer();
	private ended = false;
	/** The last ERROR frame said the server's message broker is away: the reconnection says so too. */
	private brokerAway = false;
	private snapshotSubscription: StompSubscription | undefined;

	constructor(
		private readonly options: SandboxStreamOptions,
		private readonly listener: SandboxStreamListener,
	) {
		this.client = new Client({
			brokerURL: options.brokerURL,
			reconnectDelay: 2000,
			beforeConnect: async () => {
				if (!(await options.sandboxExists().catch(() => true))) {
					await this.end(options.endedText ?? 'this sandbox has ended (unused for too long); reload the page for a new one');
				}
			},
			onConnect: () => this.connected(),
			onWebSocketClose: () => {
				if (!this.ended) {
					listener.status(this.brokerAway ? BROKER_AWAY_TEXT : 'disconnected, reconnecting…');
				}
			},
			onStompError: (frame) => {
				this.brokerAway = isBrokerAway(frame.headers['message']);
				listener.status(streamErrorText(frame.headers['message']));
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
		this.listener.status(text);
		this.listener.ended?.(text);
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
		this.snapshotSubscription?.unsubscribe();
		const subscription = this.client.subscribe(this.options.snapshotDestination, (message) => {
			subscription.unsubscribe();
			this.snapshotSubscription = undefined;
			const body = parse(message);
			if (!isSandboxSnapshot(body)) {
				void this.end(this.options.endedText ?? 'this sandbox has ended; reload the page for a new one');
				return;
			}
			this.listener.snapshot(body);
			this.listener.status('live');
			const verdict = this.sequencer.onSnapshot(body);
			if (verdict.kind === 'resync') {
				this.requestSnapshot();
				return;
			}
			verdict.batches.forEach((batch) => this.listener.batch(batch));
		});
		this.snapshotSubscription = subscription;
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
