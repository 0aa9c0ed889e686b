// The sandbox controls are htmx requests to the JSON command API: show its {"errors": [...]} answers.
import { isApiErrors } from '../protocol/events';

export function errorText(status: number, body: string): string {
	try {
		const parsed: unknown = JSON.parse(body);
		if (isApiErrors(parsed) && parsed.errors.length > 0) {
			return parsed.errors.join(' ');
		}
	}
	catch {
		// not JSON: fall through
	}
	return `The command failed (HTTP ${status}).`;
}

export function installCommandErrors(root: HTMLElement): void {
	const region = root.querySelector('#command-error');
	root.addEventListener('htmx:afterRequest', (event) => {
		const xhr = (event as CustomEvent<{ xhr?: XMLHttpRequest }>).detail?.xhr;
		if (region === null || xhr === undefined) {
			return;
		}
		region.textContent = xhr.status >= 400 ? errorText(xhr.status, xhr.responseText) : '';
	});
}
