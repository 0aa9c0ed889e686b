// When an htmx request never gets an answer (server stopped, network down), say so instead of doing nothing.
// Answers with an error status are rendered by the server as inline notices, so they need nothing here.

export function describeFailedRequest(online: boolean): string {
	return online
		? 'Traffic Lab did not answer. Check that the server is running, then try again.'
		: 'You appear to be offline. Reconnect, then try again.';
}

export function installRequestErrorNotice(doc: Document, isOnline: () => boolean): void {
	const region = (): HTMLElement | null => doc.getElementById('request-error');
	doc.addEventListener('htmx:sendError', () => {
		const target = region();
		if (target) {
			const notice = doc.createElement('div');
			notice.className = 'notice notice--error';
			notice.textContent = describeFailedRequest(isOnline());
			target.replaceChildren(notice);
		}
	});
	doc.addEventListener('htmx:beforeRequest', () => {
		region()?.replaceChildren();
	});
}
