import { describe, expect, it } from 'vitest';
import { lessonLink } from '../../src/lesson/lessonPage';
import { copyLink, type Permalink } from '../../src/playground/share';

const api = '/api/v1/sandboxes/abc';

describe('lessonLink', () => {
	it('shares the step URL alone while the learner has changed nothing', () => {
		expect(lessonLink('/lessons/uneven-distribution/2', 'http://host:8080/?s=xyz', false))
			.toBe('http://host:8080/lessons/uneven-distribution/2');
	});

	it("adds the sandbox's state once the learner has changed it", () => {
		expect(lessonLink('/lessons/uneven-distribution/2', 'http://host:8080/?s=a-b_c', true))
			.toBe('http://host:8080/lessons/uneven-distribution/2?s=a-b_c');
	});
});

describe('Copy link on a step', () => {
	it("turns the permalink into the step link, with the state only once the server says the sandbox changed", async () => {
		let changed = false;
		const fetcher = (url: string) => Promise.resolve(url.endsWith('/permalink')
			? new Response(JSON.stringify({ url: 'http://host/?s=xyz', changedSinceStart: changed }), { status: 200 })
			: new Response(null, { status: 204 }));
		const field = { value: '', hidden: true, select: () => undefined };
		const root = { querySelector: () => field } as unknown as ParentNode;
		const env = {
			fetcher,
			clipboard: undefined,
			shareLink: (permalink: Permalink) => lessonLink('/lessons/x/3', permalink.url, permalink.changedSinceStart),
		};

		await copyLink(root, api, env);
		expect(field.value).toBe('http://host/lessons/x/3');

		changed = true;
		await copyLink(root, api, env);
		expect(field.value).toBe('http://host/lessons/x/3?s=xyz');
	});
});
