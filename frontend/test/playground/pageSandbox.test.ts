import { describe, expect, it } from 'vitest';
import { startPageSandbox } from '../../src/playground/pageSandbox';

const CREATED = {
	id: 'abc', preset: 'uneven-3-1-0', topic: '/topic/sandboxes/abc/events', statsTopic: '/topic/sandboxes/abc/stats',
	snapshotDestination: '/app/sandboxes/abc/snapshot', snapshotUrl: '/api/v1/sandboxes/abc/snapshot',
};

/**
 * Just what startPageSandbox touches of the page: the root's data, the notice, the parts it hides, and the document's
 * listener, base address and body (where the ready event goes).
 */
function fakeRoot(data: Record<string, string>) {
	const notice = { textContent: '', hidden: true };
	const hidden: { hidden: boolean }[] = [{ hidden: false }, { hidden: false }];
	const listeners: Record<string, (event: Event) => void> = {};
	const dispatched: string[] = [];
	const ownerDocument = {
		baseURI: 'http://lab.example/lessons/local-health-check/1',
		addEventListener: (type: string, listener: (event: Event) => void) => {
			listeners[type] = listener;
		},
		body: { dispatchEvent: (event: Event) => dispatched.push(event.type) },
	};
	const root = {
		dataset: data,
		ownerDocument,
		querySelector: () => notice,
		querySelectorAll: () => hidden,
	} as unknown as HTMLElement;
	return { root, notice, hidden, listeners, dispatched };
}

/** An htmx:configRequest event as the listener sees it: its detail, and whether it was cancelled. */
function configRequest(detail: { path: string; parameters?: Record<string, unknown> }) {
	const event = { detail, cancelled: false, preventDefault() {
		event.cancelled = true;
	} };
	return event;
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
		expect(page.dispatched).toEqual(['trafficlab:sandbox-ready']);
	});

	it('holds back the requests that name the pending sandbox until it exists, then sends them to it', async () => {
		const page = fakeRoot({ ...PENDING });
		let answer: (response: Response) => void = () => undefined;
		const started = startPageSandbox(page.root, () => new Promise<Response>((resolve) => {
			answer = resolve;
		}));
		const listener = page.listeners['htmx:configRequest'];
		const poll = configRequest({ path: '/challenges/n3/check?sandbox=pending' });
		listener(poll as unknown as Event);
		expect(poll.cancelled).toBe(true);
		const other = configRequest({ path: '/lessons/local-health-check/1/questions/1' });
		listener(other as unknown as Event);
		expect(other.cancelled).toBe(false);

		answer(new Response(JSON.stringify(CREATED), { status: 201 }));
		expect(await started).toBe(true);
		const again = configRequest({ path: '/challenges/n3/check?sandbox=pending' });
		listener(again as unknown as Event);
		expect(again.cancelled).toBe(false);
		expect(again.detail.path).toBe('/challenges/n3/check?sandbox=abc');
		const answerForm = configRequest({ path: '/lessons/local-health-check/1/questions/1', parameters: { choice: '2', sandbox: 'pending' } });
		listener(answerForm as unknown as Event);
		expect(answerForm.detail.parameters).toEqual({ choice: '2', sandbox: 'abc' });
		expect(answerForm.detail.path).toBe('/lessons/local-health-check/1/questions/1');
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
