// Follows a class: reads its state once (GET /api/v1/rooms/{code}/class), then takes every message of the class topic.
// Only a newer generation replaces what is known, so a late answer to the first read cannot undo a message. After a
// reconnection the state is read again, since messages may have been missed meanwhile.
import { Client } from '@stomp/stompjs';
import type { Fetch } from '../commands/commands';
import { RECONNECT_DELAY_MS, ReconnectSpread } from '../stream/reconnectSpread';
import { isClassState, type ClassState } from './classState';

export interface ClassFeedOptions {
	brokerURL: string;
	/** /topic/rooms/{CODE}/class */
	topic: string;
	/** /api/v1/rooms/{code}/class */
	stateUrl: string;
	fetcher: Fetch;
}

/** Keeps the newest of the states it is given; answers whether a state is news. */
export class Generations {
	private newest = -1;

	accept(state: ClassState): boolean {
		if (state.generation <= this.newest) {
			return false;
		}
		this.newest = state.generation;
		return true;
	}
}

export class ClassFeed {
	private readonly client: Client;
	private readonly generations = new Generations();
	private gone = false;
	private readonly spread = new ReconnectSpread();

	constructor(private readonly options: ClassFeedOptions, private readonly listener: (state: ClassState) => void,
		private readonly ended: (status: number) => void = () => undefined) {
		this.client = new Client({
			brokerURL: options.brokerURL,
			reconnectDelay: RECONNECT_DELAY_MS,
			beforeConnect: () => this.spread.wait(),
			onWebSocketClose: () => this.spread.drop(),
			onConnect: () => {
				this.client.subscribe(options.topic, (message) => {
					let body: unknown;
					try {
						body = JSON.parse(message.body);
					}
					catch {
						return;
					}
					if (isClassState(body)) {
						this.offer(body);
					}
				});
				void this.read();
			},
		});
	}

	start(): void {
		this.client.activate();
	}

	stop(): Promise<void> {
		return this.client.deactivate();
	}

	/** A state the page learnt otherwise (the answer to a teacher's command). */
	offer(state: ClassState): void {
		if (!this.gone && this.generations.accept(state)) {
			this.listener(state);
		}
	}

	private async read(): Promise<void> {
		const response = await this.options.fetcher(this.options.stateUrl, { method: 'GET', headers: { Accept: 'application/json' } })
			.catch(() => null);
		if (response === null) {
			return;
		}
		if (response.status === 404 || response.status === 410) {
			this.gone = true;
			this.ended(response.status);
			void this.client.deactivate();
			return;
		}
		const body: unknown = response.ok ? await response.json().catch(() => null) : null;
		if (isClassState(body)) {
			this.offer(body);
		}
	}
}
