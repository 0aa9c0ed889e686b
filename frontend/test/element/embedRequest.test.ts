import { describe, expect, it } from 'vitest';
import { embedUrl, readEmbedRequest, type AttributeName, type ReadResult } from '../../src/element/embedRequest';

const SCRIPT = 'https://lab.example.com/js/traffic-lab.js';

function read(attributes: Partial<Record<AttributeName, string>>): ReadResult {
	return readEmbedRequest((name) => attributes[name] ?? null);
}

function urlOf(attributes: Partial<Record<AttributeName, string>>): string {
	const result = read(attributes);
	if (!result.ok) {
		throw new Error(result.message);
	}
	return embedUrl(SCRIPT, result.request);
}

function refusal(attributes: Partial<Record<AttributeName, string>>): string {
	const result = read(attributes);
	if (result.ok) {
		throw new Error(`accepted ${JSON.stringify(result.request)}`);
	}
	return result.message;
}

describe('the embed URL a <traffic-lab> frames', () => {
	it('maps each kind to the contract\'s embed parameters, with run=1', () => {
		expect(urlOf({})).toBe('https://lab.example.com/embed?run=1');
		expect(urlOf({ preset: 'uneven-3-1-0' })).toBe('https://lab.example.com/embed?preset=uneven-3-1-0&run=1');
		expect(urlOf({ state: 'eNqrVkrOz0nVKy7JLyop' })).toBe('https://lab.example.com/embed?s=eNqrVkrOz0nVKy7JLyop&run=1');
		expect(urlOf({ lesson: 'uneven-distribution', step: '2' }))
			.toBe('https://lab.example.com/embed?lesson=uneven-distribution&step=2&run=1');
		expect(urlOf({ challenge: 'one-move-equal-shares' }))
			.toBe('https://lab.example.com/embed?challenge=one-move-equal-shares&run=1');
	});

	it('starts a lesson at step 1 unless told', () => {
		expect(urlOf({ lesson: 'cluster-client-ip' })).toBe('https://lab.example.com/embed?lesson=cluster-client-ip&step=1&run=1');
	});

	it('is the script\'s own app, under a context path too, whatever the page', () => {
		const result = read({ preset: 'empty' });
		expect(result.ok && embedUrl('http://localhost:8080/lab/js/traffic-lab.js?v=2#x', result.request))
			.toBe('http://localhost:8080/lab/embed?preset=empty&run=1');
	});

	it('trims attributes and treats blank ones as absent', () => {
		expect(urlOf({ preset: '  uneven-3-1-0 ', challenge: '' })).toBe('https://lab.example.com/embed?preset=uneven-3-1-0&run=1');
	});
});

describe('the frame\'s height and title', () => {
	it('has a default height per kind', () => {
		const heights = [{}, { lesson: 'cluster-client-ip' }, { challenge: 'one-move-equal-shares' }]
			.map((attributes) => read(attributes))
			.map((result) => (result.ok ? result.request.height : -1));
		expect(heights).toEqual([560, 700, 700]);
	});

	it('takes a height in pixels, with or without px', () => {
		const of = (height: string) => {
			const result = read({ height });
			return result.ok ? result.request.height : result.message;
		};
		expect(of('600')).toBe(600);
		expect(of('480px')).toBe(480);
		expect(of('240')).toBe(240);
		expect(of('2000')).toBe(2000);
	});

	it('names the frame after what it shows unless the author gives a title', () => {
		const title = (attributes: Partial<Record<AttributeName, string>>) => {
			const result = read(attributes);
			return result.ok ? result.request.title : result.message;
		};
		expect(title({ preset: 'uneven-3-1-0' })).toBe('Traffic Lab: externalTrafficPolicy sandbox');
		expect(title({ lesson: 'uneven-distribution', step: '3' })).toBe('Traffic Lab lesson: uneven-distribution, step 3');
		expect(title({ challenge: 'n3-passes-health-check' })).toBe('Traffic Lab challenge: n3-passes-health-check');
		expect(title({ preset: 'uneven-3-1-0', title: 'Try 3/1/0 under Local' })).toBe('Try 3/1/0 under Local');
	});
});

describe('attributes that cannot make an embed', () => {
	it('refuses two kinds at once, naming both', () => {
		expect(refusal({ preset: 'uneven-3-1-0', lesson: 'cluster-client-ip' }))
			.toBe('give one of preset, state, lesson or challenge, not preset and lesson');
		expect(refusal({ state: 'abc', challenge: 'one-move-equal-shares' })).toContain('not state and challenge');
	});

	it('refuses a step without a lesson, and a step that is not a number', () => {
		expect(refusal({ step: '2' })).toContain('step needs a lesson');
		expect(refusal({ challenge: 'one-move-equal-shares', step: '2' })).toContain('step needs a lesson');
		expect(refusal({ lesson: 'cluster-client-ip', step: 'two' })).toContain('step must be a step number');
		expect(refusal({ lesson: 'cluster-client-ip', step: '0' })).toContain('step must be a step number');
	});

	it('refuses ids and states that could not be ours', () => {
		expect(refusal({ preset: 'Uneven 3/1/0' })).toContain('preset must be an id');
		expect(refusal({ lesson: '../admin' })).toContain('lesson must be an id');
		expect(refusal({ challenge: 'a&b=c' })).toContain('challenge must be an id');
		expect(refusal({ state: 'not a state!' })).toContain('state must be the s= value');
		expect(refusal({ state: 'a'.repeat(7001) })).toContain('at most 7000');
	});

	it('refuses heights that are not pixels in range', () => {
		for (const height of ['tall', '50%', '100', '2001', '-400', '12em']) {
			expect(refusal({ height })).toContain('height must be a number of pixels from 240 to 2000');
		}
	});
});
