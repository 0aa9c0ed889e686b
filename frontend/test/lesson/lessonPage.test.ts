import { describe, expect, it } from 'vitest';
import { ChangeTracker, changesSandbox, lessonLink } from '../../src/lesson/lessonPage';
import { copyLink } from '../../src/playground/share';

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

describe('changesSandbox', () => {
	it('counts commands to this sandbox, not reads or other sandboxes', () => {
		expect(changesSandbox(api, `${api}/pods/web-1/move?node=n2`, 'POST')).toBe(true);
		expect(changesSandbox(api, `${api}/service/external-traffic-policy`, 'put')).toBe(true);
		expect(changesSandbox(api, `${api}/permalink`, 'GET')).toBe(false);
		expect(changesSandbox(api, `${api}/permalink`, undefined)).toBe(false);
		expect(changesSandbox(api, '/api/v1/sandboxes/other/pause', 'POST')).toBe(false);
		expect(changesSandbox(api, '/api/v1/sandboxes/abcdef/pause', 'POST')).toBe(false);
	});
});

describe('ChangeTracker with Copy link', () => {
	it('turns the permalink into the step link, with the state only after a change', async () => {
		const tracker = new ChangeTracker(api);
		const fetcher = tracker.wrap((url) => Promise.resolve(url.endsWith('/permalink')
			? new Response(JSON.stringify({ url: 'http://host/?s=xyz' }), { status: 200 })
			: new Response(null, { status: 204 })));
		const field = { value: '', hidden: true, select: () => undefined };
		const root = { querySelector: () => field } as unknown as ParentNode;
		const env = {
			fetcher,
			clipboard: undefined,
			shareLink: (permalink: string) => lessonLink('/lessons/x/3', permalink, tracker.changed),
		};

		await copyLink(root, api, env);
		expect(field.value).toBe('http://host/lessons/x/3');

		await fetcher(`${api}/pause`, { method: 'POST' });
		tracker.noteHtmx(undefined, undefined);
		await copyLink(root, api, env);
		expect(field.value).toBe('http://host/lessons/x/3?s=xyz');
	});

	it('notes htmx requests that change the sandbox', () => {
		const tracker = new ChangeTracker(api);
		tracker.noteHtmx(`${api}/permalink`, 'get');
		expect(tracker.changed).toBe(false);
		tracker.noteHtmx(`${api}/load-balancer`, 'put');
		expect(tracker.changed).toBe(true);
	});
});
