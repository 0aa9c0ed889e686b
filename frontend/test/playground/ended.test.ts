import { afterEach, describe, expect, it, vi } from 'vitest';
import { endedOffer, isPermalink, PermalinkMemory } from '../../src/playground/ended';

function json(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const CHANGED = { url: 'http://lab.example/?s=AbC', changedSinceStart: true };

afterEach(() => {
	vi.useRealTimers();
});

describe('PermalinkMemory', () => {
	it('reads the permalink once a burst of commands has settled', async () => {
		vi.useFakeTimers();
		const asked: string[] = [];
		const memory = new PermalinkMemory((url) => {
			asked.push(url);
			return Promise.resolve(json(200, CHANGED));
		}, () => '/api/v1/sandboxes/B-x', 1000);
		memory.changed();
		await vi.advanceTimersByTimeAsync(600);
		memory.changed();
		await vi.advanceTimersByTimeAsync(600);
		expect(asked).toEqual([]);
		expect(memory.known).toBeNull();

		await vi.advanceTimersByTimeAsync(400);
		expect(asked).toEqual(['/api/v1/sandboxes/B-x/permalink']);
		expect(memory.known).toEqual(CHANGED);
	});

	it('keeps what it knew when the read fails, and stops asking once stopped', async () => {
		vi.useFakeTimers();
		const answers = [json(422, { errors: ['too large'] })];
		let asked = 0;
		const memory = new PermalinkMemory(() => {
			asked++;
			return Promise.resolve(answers.shift() ?? json(200, CHANGED));
		}, () => '/api', 10);
		memory.remember({ url: 'http://lab.example/?s=old', changedSinceStart: true });
		memory.changed();
		await vi.advanceTimersByTimeAsync(10);
		expect(memory.known?.url).toBe('http://lab.example/?s=old');

		memory.changed();
		memory.stop();
		await vi.advanceTimersByTimeAsync(50);
		expect(asked).toBe(1);
	});
});

describe('endedOffer', () => {
	const words = 'Sandbox "B-x" lived on server B, which is not answering (it stopped or restarted), so the sandbox has ended.';

	it('offers the page to start again and the state reached to reopen', () => {
		expect(endedOffer(words, 'http://lab.example/?preset=uneven-3-1-0', CHANGED))
			.toEqual({ reason: words, startAgain: 'http://lab.example/?preset=uneven-3-1-0', reopen: 'http://lab.example/?s=AbC' });
	});

	it('offers no state when the page knows none, or it is the page\'s own start', () => {
		expect(endedOffer(words, 'http://lab.example/', null).reopen).toBeNull();
		expect(endedOffer(words, 'http://lab.example/', { url: 'http://lab.example/?s=Z', changedSinceStart: false }).reopen)
			.toBeNull();
	});

	it('reopens a lesson step through the step\'s own link', () => {
		const offer = endedOffer(words, 'http://lab.example/lessons/x/2', CHANGED, (p) => `http://lab.example/lessons/x/2?s=${new URL(p.url).searchParams.get('s')}`);
		expect(offer.reopen).toBe('http://lab.example/lessons/x/2?s=AbC');
	});
});

describe('isPermalink', () => {
	it('takes only the answer\'s shape', () => {
		expect(isPermalink(CHANGED)).toBe(true);
		expect(isPermalink({ url: 'x' })).toBe(false);
		expect(isPermalink({ errors: ['no'] })).toBe(false);
	});
});
