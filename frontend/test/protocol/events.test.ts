import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, isApiErrors, isEventBatch, isSandboxSnapshot, isStatisticsMessage, isStreamEnded } from '../../src/protocol/events';

describe('protocol guards', () => {
	it('recognise a batch', () => {
		expect(isEventBatch({ seq: 1, generation: 0, simTime: 50000, tickWallTime: 1, events: [], missed: {} })).toBe(true);
		expect(isEventBatch({ seq: '1', events: [] })).toBe(false);
		expect(isEventBatch(null)).toBe(false);
	});

	it('tell a snapshot from an error answer', () => {
		expect(isSandboxSnapshot({ id: 'x', seq: 0, generation: 0, simulation: {} })).toBe(true);
		expect(isSandboxSnapshot({ errors: ['There is no sandbox'] })).toBe(false);
		expect(isApiErrors({ errors: ['There is no sandbox'] })).toBe(true);
	});

	it('recognise statistics', () => {
		expect(isStatisticsMessage({ generation: 0, tickWallTime: 0, statistics: {} })).toBe(true);
		expect(isStatisticsMessage({ generation: 0 })).toBe(false);
	});

	it('recognise a room’s last message, and nothing else as one', () => {
		expect(isStreamEnded({ type: 'StreamEnded', message: 'This room has ended: the teacher closed it.' })).toBe(true);
		expect(isStreamEnded({ type: 'StreamEnded' })).toBe(false);
		expect(isStreamEnded({ seq: 1, generation: 0, simTime: 0, tickWallTime: 1, events: [], missed: {} })).toBe(false);
	});

	it('list every event type once', () => {
		expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
		expect(EVENT_TYPES).toHaveLength(25);
	});
});
