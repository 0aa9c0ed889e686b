// What the live view keeps of the stream: the last events and a count per type. Pure; the view renders it.
import type { EventBatch, SimulationEvent } from '../protocol/events';

export class EventLog {
	private readonly entries: SimulationEvent[] = [];
	private readonly counts = new Map<string, number>();

	constructor(private readonly capacity = 50) {}

	/** Adds a batch's events and the ones it only counted. */
	add(batch: EventBatch): void {
		for (const event of batch.events) {
			this.count(event.type, 1);
		}
		for (const [type, missed] of Object.entries(batch.missed)) {
			this.count(type, missed);
		}
		const kept = batch.events.slice(-this.capacity);
		this.entries.push(...kept);
		if (this.entries.length > this.capacity) {
			this.entries.splice(0, this.entries.length - this.capacity);
		}
	}

	clear(): void {
		this.entries.length = 0;
		this.counts.clear();
	}

	/** The newest first. */
	latest(): SimulationEvent[] {
		return [...this.entries].reverse();
	}

	/** Counts by type, largest first, then by name. */
	countsByType(): [string, number][] {
		return [...this.counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	}

	private count(type: string, n: number): void {
		this.counts.set(type, (this.counts.get(type) ?? 0) + n);
	}
}
