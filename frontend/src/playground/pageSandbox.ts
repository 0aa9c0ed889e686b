// A page with a live sandbox (the playground, a lesson step, a challenge) carries none when served (crawlers and
// scripts that only read it start nothing): the page's script creates one with the start the page was opened with
// (data-create: where to POST), writes its id and topics where the page reads them, and sends the page's htmx
// requests, written against the "pending" sandbox, to the new one.
import type { Fetch } from '../commands/commands';
import { isApiErrors } from '../protocol/events';
import { isCreated } from './compare';

/** The sandbox id a page's requests carry until the page's sandbox exists (SandboxPageCreation.PENDING). */
export const PENDING = 'pending';

/** Fired on the body once the page's sandbox exists: requests that waited for it (a terminal) go now. */
export const SANDBOX_READY_EVENT = 'trafficlab:sandbox-ready';

interface ConfigRequestDetail {
	path?: string;
	parameters?: Record<string, unknown>;
}

/**
 * Creates the page's sandbox if the server left that to the page; false when it could not (the page says why).
 * Meanwhile the page's htmx requests that name the sandbox (the controls' "pending" address, a lesson's or a
 * challenge's {@code sandbox=pending}) are held back, then sent to the new sandbox.
 */
export async function startPageSandbox(root: HTMLElement, fetcher: Fetch): Promise<boolean> {
	const data = root.dataset;
	const create = data.create;
	if (create === undefined || data.sandboxId !== undefined) {
		return true;
	}
	const document = root.ownerDocument;
	const pendingApi = data.api ?? '';
	let api: string | null = null;
	let id: string | null = null;
	document.addEventListener('htmx:configRequest', (event) => {
		const detail = (event as CustomEvent<ConfigRequestDetail>).detail;
		if (!namesPendingSandbox(detail, pendingApi, document.baseURI)) {
			return;
		}
		if (id === null || api === null) {
			event.preventDefault();
			return;
		}
		redirect(detail, pendingApi, api, id, document.baseURI);
	});
	const response = await fetcher(create, { method: 'POST', headers: { Accept: 'application/json' } }).catch(() => null);
	if (response === null) {
		return refuse(root, 'The server did not answer. Check that Traffic Lab is still running, then reload the page.');
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok || !isCreated(body)) {
		return refuse(root, isApiErrors(body) ? body.errors.join(' ') : `The sandbox could not start (HTTP ${response.status}).`);
	}
	api = `${data.sandboxes ?? '/api/v1/sandboxes'}/${encodeURIComponent(body.id)}`;
	id = body.id;
	data.sandboxId = body.id;
	data.eventsTopic = body.topic;
	data.statsTopic = body.statsTopic;
	data.snapshotDestination = body.snapshotDestination;
	data.api = api;
	delete data.create;
	document.body.dispatchEvent(new CustomEvent(SANDBOX_READY_EVENT, { bubbles: true }));
	return true;
}

function namesPendingSandbox(detail: ConfigRequestDetail, pendingApi: string, base: string): boolean {
	const path = detail.path;
	if (typeof path !== 'string') {
		return false;
	}
	if (pendingApi !== '' && path.startsWith(pendingApi)) {
		return true;
	}
	return new URL(path, base).searchParams.get('sandbox') === PENDING || detail.parameters?.sandbox === PENDING;
}

function redirect(detail: ConfigRequestDetail, pendingApi: string, api: string, id: string, base: string): void {
	const path = detail.path ?? '';
	if (pendingApi !== '' && path.startsWith(pendingApi)) {
		detail.path = api + path.slice(pendingApi.length);
		return;
	}
	const url = new URL(path, base);
	if (url.searchParams.get('sandbox') === PENDING) {
		url.searchParams.set('sandbox', id);
		detail.path = url.origin === new URL(base).origin ? url.pathname + url.search : url.toString();
	}
	if (detail.parameters?.sandbox === PENDING) {
		detail.parameters.sandbox = id;
	}
}

/** Shows the server's reason where the sandbox would be, and hides the controls and views that have nothing to run. */
function refuse(root: HTMLElement, message: string): false {
	const notice = root.querySelector<HTMLElement>('[data-part="start-error"]');
	if (notice !== null) {
		notice.textContent = message;
		notice.hidden = false;
	}
	root.querySelectorAll<HTMLElement>('.controls-bar, .views').forEach((element) => {
		element.hidden = true;
	});
	return false;
}
