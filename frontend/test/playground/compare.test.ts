import { describe, expect, it } from 'vitest';
import { CompareMode, type CreatedSandbox } from '../../src/playground/compare';
import type { SandboxView } from '../../src/playground/sandboxView';

const API = '/api/v1/sandboxes/left';
const CREATED = {
	id: 'right', preset: 'uneven-3-1-0', topic: '/topic/sandboxes/right/events', statsTopic: '/topic/sandboxes/right/stats',
	snapshotDestination: '/app/sandboxes/right/snapshot', snapshotUrl: '/api/v1/sandboxes/right/snapshot',
};

/** A page without compare mode's marks: CompareMode's requests and views are what these tests look at. */
const page = { querySelector: () => null, querySelectorAll: () => [] } as unknown as HTMLElement;

interface Asked {
	url: string;
	method?: string;
	keepalive?: boolean;
}

function setUp(answer: (url: string, method?: string) => Response) {
	const asked: Asked[] = [];
	const errors: string[] = [];
	const views: { created: CreatedSandbox; started: boolean; stopped: boolean; removed: boolean }[] = [];
	const compare = new CompareMode(page, {
		fetcher: (url, init) => {
			asked.push({ url, method: init?.method, keepalive: init?.keepalive });
			return Promise.resolve(answer(url, init?.method));
		},
		api: () => API,
		createView: (created) => {
			const view = { created, started: false, stopped: false, removed: false };
			views.push(view);
			return {
				start: () => {
					view.started = true;
				},
				stop: () => {
					view.stopped = true;
					return Promise.resolve();
				},
				root: {
					remove: () => {
						view.removed = true;
					},
				},
			} as unknown as SandboxView;
		},
		showError: (message) => errors.push(message),
	});
	return { compare, asked, errors, views };
}

function json(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('CompareMode', () => {
	it('asks the server for the comparison and watches the second sandbox it made', async () => {
		const { compare, asked, views } = setUp(() => json(201, CREATED));
		expect(await compare.enter()).toEqual({ ok: true });
		expect(asked).toEqual([{ url: `${API}/comparison`, method: 'POST', keepalive: undefined }]);
		expect(views).toEqual([{ created: CREATED, started: true, stopped: false, removed: false }]);
		expect(compare.active).toBe(true);
		expect(compare.sideName(compare.second as SandboxView)).toBe('Local side');
	});

	it('leaves by ending the comparison on the server and removing the second view', async () => {
		const { compare, asked, views } = setUp((_url, method) => (method === 'POST' ? json(201, CREATED) : new Response(null, { status: 204 })));
		await compare.enter();
		await compare.leave();
		expect(asked[1]).toEqual({ url: `${API}/comparison`, method: 'DELETE', keepalive: true });
		expect(views[0]).toMatchObject({ stopped: true, removed: true });
		expect(compare.active).toBe(false);
		await compare.leave();
		expect(asked).toHaveLength(2);
	});

	it("says why the server would not compare, in the server's words", async () => {
		const { compare, errors, views } = setUp(() => json(503, { errors: ['Traffic Lab is running its limit of 500 live sandboxes.'] }));
		await compare.toggle();
		expect(errors).toEqual(['', 'Compare mode could not start: Traffic Lab is running its limit of 500 live sandboxes.']);
		expect(views).toEqual([]);
		expect(compare.active).toBe(false);
	});
});
