import { describe, expect, it } from 'vitest';
import type { EventBatch } from '../../src/protocol/events';
import { EventLog } from '../../src/live/eventLog';

function ready(pod: string, time: number) {
	return { type: 'PodBecameReady' as const, time, pod, node: 'n1' };
}

function batch(events: EventBatch['events'], missed: Record<string, number> = {}): EventBatch {
	return { seq: 1, generation: 0, simTime: 0, tickWallTime: 0, events, missed };
}

describe('EventLog', () => {
	it('keeps the last events, newest first', () => {
		const log = new EventLog(2);
		log.add(batch([ready('a', 1), ready('b', 2)]));
		log.add(batch([ready('c', 3)]));
		expect(log.latest().map((e) => e.time)).toEqual([3, 2]);
	});

	it('counts kept and missed events by type, largest first', () => {
		const log = new EventLog(50);
		log.add(batch([ready('a', 1)], { ConnectionRouted: 5 }));
		log.add(batch([ready('b', 2)]));
		expect(log.countsByType()).toEqual([['ConnectionRouted', 5], ['PodBecameReady', 2]]);
	});

	it('forgets everything on clear', () => {
		const log = new EventLog(5);
		log.add(batch([ready('a', 1)]));
		log.clear();
		expect(log.latest()).toEqual([]);
		expect(log.countsByType()).toEqual([]);
	});
});
