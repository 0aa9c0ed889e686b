import { describe, expect, it } from 'vitest';
import { startPageSandbox } from '../../src/playground/pageSandbox';

const CREATED = {
	id: 'abc', preset: 'uneven-3-1-0', topic: '/topic/sandboxes/abc/events', statsTopic: '/topic/sandboxes/abc/stats',
	snapshotDestination: '/app/sandboxes/abc/snapshot', snapshotUrl: '/api/v1/sandboxes/abc/snapshot',
};

/** Just what startPageSandbox touches of the playground's root: its data, the notice, the parts it hides, a listener. */
function fakeRoot(data: Record<string, string>) {
	const notice = { textContent: '', hidden: true };
	const hidden: { hidden: boolean }[] = [{ hidden: false }, { hidden: false }];
	const listeners: Record<string, (event: Event) => void> = {};
	const root = {
		dataset: data,
		querySelector: () => notice,
		querySelectorAll: () => hidden,
		addEventListener: (type: string, listener: (event: Event) => void) => {
			listeners[type] = listener;
		},
	} as unknown as HTMLElement;
	return { root, notice, hidden, listeners };
}

const PENDING = { create: '/api/v1/sandboxes?preset=uneven-3-1-0', api: '/api/v1/sandboxes/pending', sandboxes: '/api/v1/sandboxes' };

describe('startPageSandbox', () => {
	it('creates the sandbox the page names and sends the controls to it', async () => {
		const page = fakeRoot({ ...PENDING });
		const asked: { url: string; method?: string }[] = [];
		const started = await startPageSandbox(page.root, (url, init) => {
			asked.push({ url, method: init.method });
			return Promise.resolve(new Response(JSON.stringify(CREATED), { status: 201 }));
		});
		expect(started).toBe(true);
		expect(asked).toEqual([{ url: '/api/v1/sandboxes?preset=uneven-3-1-0', method: 'POST' }]);
		expect(page.root.dataset).toMatchObject({
			sandboxId: 'abc', eventsTopic: CREATED.topic, statsTopic: CREATED.statsTopic,
			snapshotDestination: CREATED.snapshotDestination, api: '/api/v1/sandboxes/abc',
		});
		expect(page.root.dataset.create).toBeUndefined();
		const detail = { path: '/api/v1/sandboxes/pending/service/external-traffic-policy' };
		page.listeners['htmx:configRequest']({ detail } as unknown as Event);
		expect(detail.path).toBe('/api/v1/sandboxes/abc/service/external-traffic-policy');
	});

	it('leaves a page whose sandbox the server started alone', async () => {
		const page = fakeRoot({ sandboxId: 'given', api: '/api/v1/sandboxes/given' });
		const started = await startPageSandbox(page.root, () => Promise.reject(new Error('no request expected')));
		expect(started).toBe(true);
		expect(page.root.dataset.sandboxId).toBe('given');
	});

	it('says why when the server refuses, and hides the controls', async () => {
		const page = fakeRoot({ ...PENDING });
		const errors = { errors: ['Too many new sandboxes from your address: at most 60 at once, then 30 a minute.'] };
		const started = await startPageSandbox(page.root,
			() => Promise.resolve(new Response(JSON.stringify(errors), { status: 429 })));
		expect(started).toBe(false);
		expect(page.notice).toEqual({ textContent: errors.errors[0], hidden: false });
		expect(page.hidden.every((part) => part.hidden)).toBe(true);
		expect(page.root.dataset.sandboxId).toBeUndefined();
	});

	it('says the server did not answer when the request fails', async () => {
		const page = fakeRoot({ ...PENDING });
		expect(await startPageSandbox(page.root, () => Promise.reject(new TypeError('offline')))).toBe(false);
		expect(page.notice.textContent).toContain('The server did not answer');
	});
});
