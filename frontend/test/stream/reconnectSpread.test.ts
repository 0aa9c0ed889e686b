import { afterEach, describe, expect, it, vi } from 'vitest';
import { RECONNECT_DELAY_MS, ReconnectSpread, randomJitter } from '../../src/stream/reconnectSpread';

afterEach(() => {
	vi.useRealTimers();
});

describe('ReconnectSpread', () => {
	it('lets a first connection go at once and holds a reconnection for its jitter, once per drop', async () => {
		vi.useFakeTimers();
		const spread = new ReconnectSpread(() => 700);
		let done = false;
		await spread.wait();
		spread.drop();
		void spread.wait().then(() => {
			done = true;
		});
		await vi.advanceTimersByTimeAsync(699);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
		// the next connection without a drop in between goes at once
		let again = false;
		void spread.wait().then(() => {
			again = true;
		});
		await vi.advanceTimersByTimeAsync(0);
		expect(again).toBe(true);
	});

	it('draws the jitter within the reconnect delay', () => {
		const draws = Array.from({ length: 200 }, () => randomJitter());
		expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...draws)).toBeLessThan(RECONNECT_DELAY_MS);
		expect(new Set(draws).size).toBeGreaterThan(150);
	});
});
