// A fragment htmx polls (a challenge's checklist, the teacher's dashboard): polled only while the tab shows, and not
// swapped when the answer is the one already shown, so focus and a screen reader's place survive the polling.

/** What the polling reads of htmx's request and swap events. */
interface HtmxPollDetail {
	elt?: Element;
	target?: Element;
	serverResponse?: string;
	shouldSwap?: boolean;
}

/** Wires the polling of the element with this id (each swap replaces it, so it is known by its id only). */
export function installPolledFragment(doc: Document, id: string): void {
	// htmx's trigger filter ([!document.hidden]) would need eval, which the page's Content-Security-Policy refuses,
	// so a hidden tab's polls are cancelled here
	doc.addEventListener('htmx:beforeRequest', (event) => {
		const detail = (event as CustomEvent<HtmxPollDetail>).detail;
		if (doc.hidden && detail.elt?.id === id) {
			event.preventDefault();
		}
	});
	let lastResponse: string | null = null;
	doc.addEventListener('htmx:beforeSwap', (event) => {
		const detail = (event as CustomEvent<HtmxPollDetail>).detail;
		if (detail.target?.id !== id || detail.serverResponse === undefined) {
			return;
		}
		if (detail.serverResponse === lastResponse) {
			detail.shouldSwap = false;
		}
		lastResponse = detail.serverResponse;
	});
}
