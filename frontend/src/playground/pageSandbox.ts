// The playground's page carries no sandbox (crawlers and scripts that only read it start nothing): the page's script
// creates one with the start the page was opened with (data-create: the creation API with ?preset= or ?s=), writes
// its id and topics where the page reads them, and sends the controls' htmx requests, written against the page's
// "pending" address, to the new sandbox.
import type { Fetch } from '../commands/commands';
import { isApiErrors } from '../protocol/events';
import { isCreated } from './compare';

/** Creates the page's sandbox if the server left that to the page; false when it could not (the page says why). */
export async function startPageSandbox(root: HTMLElement, fetcher: Fetch): Promise<boolean> {
	const data = root.dataset;
	const create = data.create;
	if (create === undefined || data.sandboxId !== undefined) {
		return true;
	}
	const response = await fetcher(create, { method: 'POST', headers: { Accept: 'application/json' } }).catch(() => null);
	if (response === null) {
		return refuse(root, 'The server did not answer. Check that Traffic Lab is still running, then reload the page.');
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok || !isCreated(body)) {
		return refuse(root, isApiErrors(body) ? body.errors.join(' ') : `The sandbox could not start (HTTP ${response.status}).`);
	}
	const pending = data.api ?? '';
	const api = `${data.sandboxes ?? '/api/v1/sandboxes'}/${encodeURIComponent(body.id)}`;
	data.sandboxId = body.id;
	data.eventsTopic = body.topic;
	data.statsTopic = body.statsTopic;
	data.snapshotDestination = body.snapshotDestination;
	data.api = api;
	delete data.create;
	root.addEventListener('htmx:configRequest', (event) => {
		const detail = (event as CustomEvent<{ path?: string }>).detail;
		if (pending !== '' && typeof detail.path === 'string' && detail.path.startsWith(pending)) {
			detail.path = api + detail.path.slice(pending.length);
		}
	});
	return true;
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
