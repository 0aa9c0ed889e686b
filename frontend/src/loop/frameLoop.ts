// A fixed-step frame loop (as in kontra's gameLoop and "Fix Your Timestep!"): requestAnimationFrame accumulates the
// elapsed time, update() runs in fixed steps, render() once per frame. It knows nothing of what it updates. A huge
// delta (a tab in the background) is dropped rather than replayed.

export interface FrameLoopOptions {
	update(stepMs: number): void;
	render(): void;
	/** Fixed update step, ms. */
	stepMs?: number;
	/** Deltas above this (ms) are treated as one step: after a hidden tab nothing races to catch up. */
	maxDeltaMs?: number;
	requestFrame?: (callback: (time: number) => void) => number;
	cancelFrame?: (handle: number) => void;
}

export class FrameLoop {
	private readonly stepMs: number;
	private readonly maxDeltaMs: number;
	private readonly requestFrame: (callback: (time: number) => void) => number;
	private readonly cancelFrame: (handle: number) => void;
	private handle: number | null = null;
	private last: number | null = null;
	private accumulator = 0;
	private frameCount = 0;

	constructor(private readonly options: FrameLoopOptions) {
		this.stepMs = options.stepMs ?? 1000 / 60;
		this.maxDeltaMs = options.maxDeltaMs ?? 250;
		this.requestFrame = options.requestFrame ?? ((callback) => requestAnimationFrame(callback));
		this.cancelFrame = options.cancelFrame ?? ((handle) => cancelAnimationFrame(handle));
	}

	/** Frames rendered since start. */
	get frames(): number {
		return this.frameCount;
	}

	get running(): boolean {
		return this.handle !== null;
	}

	start(): void {
		if (this.handle === null) {
			this.last = null;
			this.handle = this.requestFrame((time) => this.frame(time));
		}
	}

	stop(): void {
		if (this.handle !== null) {
			this.cancelFrame(this.handle);
			this.handle = null;
		}
	}

	/** One frame at {@code time} (ms): run the fixed steps due, then render. Exposed for tests. */
	frame(time: number): void {
		const delta = this.last === null ? this.stepMs : time - this.last;
		this.last = time;
		this.accumulator += delta > this.maxDeltaMs ? this.stepMs : Math.max(0, delta);
		while (this.accumulator >= this.stepMs) {
			this.options.update(this.stepMs);
			this.accumulator -= this.stepMs;
		}
		this.options.render();
		this.frameCount++;
		if (this.handle !== null) {
			this.handle = this.requestFrame((next) => this.frame(next));
		}
	}
}
