import { describe, expect, it } from 'vitest';
import { FrameLoop } from '../../src/loop/frameLoop';

function harness(stepMs = 10) {
	const steps: number[] = [];
	let renders = 0;
	const callbacks: ((time: number) => void)[] = [];
	const loop = new FrameLoop({
		stepMs,
		update: (ms) => steps.push(ms),
		render: () => renders++,
		requestFrame: (callback) => callbacks.push(callback),
		cancelFrame: () => undefined,
	});
	const tick = (time: number) => {
		const callback = callbacks.shift();
		callback?.(time);
	};
	return { loop, steps, tick, renders: () => renders };
}

describe('FrameLoop', () => {
	it('runs fixed steps for the time elapsed and renders once a frame', () => {
		const { loop, steps, tick, renders } = harness(10);
		loop.start();
		tick(1000);
		tick(1035);
		expect(steps).toEqual([10, 10, 10, 10]);
		expect(renders()).toBe(2);
		tick(1040);
		expect(steps).toHaveLength(5);
		expect(loop.frames).toBe(3);
	});

	it('drops a huge delta instead of replaying it', () => {
		const { loop, steps, tick } = harness(10);
		loop.start();
		tick(0);
		tick(60_000);
		expect(steps).toEqual([10, 10]);
	});

	it('stops asking for frames when stopped', () => {
		const { loop, tick, renders } = harness(10);
		loop.start();
		loop.stop();
		expect(loop.running).toBe(false);
		tick(5);
		expect(renders()).toBe(1);
	});
});
