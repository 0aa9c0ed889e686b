// The teacher's dashboard on the teacher's page: a server-rendered table polled every 2 s (htmx), and the controls
// around it (set a challenge, anonymous, show a student's sandbox on the projector), which call the room's API. A
// control's success refreshes the table at once; its refusal shows the server's words above the table. An answer
// identical to the table shown is not swapped, so focus and a screen reader's place survive the polling.
import { installPolledFragment } from '../challenge/polledFragment';
import { isApiErrors } from '../protocol/events';

/** The id of the polled table (templates/classroom/dashboard.html). */
export const DASHBOARD_TABLE_ID = 'class-dashboard';

/** Fired on the body after a dashboard control succeeded: the table's hx-trigger listens for it. */
export const DASHBOARD_REFRESH_EVENT = 'trafficlab:dashboard-refresh';

interface HtmxRequestDetail {
	elt?: Element;
	successful?: boolean;
	xhr?: XMLHttpRequest;
}

/** The words to show for a refused control: the API's own errors, else the status. */
export function refusalText(status: number, body: string): string {
	let parsed: unknown = null;
	try {
		parsed = JSON.parse(body);
	}
	catch {
		parsed = null;
	}
	if (isApiErrors(parsed) && parsed.errors.length > 0) {
		return parsed.errors.join(' ');
	}
	return status === 0
		? 'The server did not answer. Check that Traffic Lab is still running.'
		: `The server refused that (HTTP ${status}).`;
}

/** Wires the dashboard, which the teacher's page loads after it (templates/classroom/dashboard.html, "slot"). */
export function installDashboard(doc: Document): void {
	const showError = (text: string | null): void => {
		const error = doc.querySelector<HTMLElement>('[data-part="dashboard-error"]');
		if (error !== null) {
			error.textContent = text ?? '';
			error.hidden = text === null;
		}
	};
	installPolledFragment(doc, DASHBOARD_TABLE_ID);
	doc.addEventListener('htmx:afterRequest', (event) => {
		const detail = (event as CustomEvent<HtmxRequestDetail>).detail;
		const control = detail.elt;
		if (control === undefined || !control.hasAttribute('data-dashboard-command')) {
			return;
		}
		if (detail.successful === true) {
			showError(null);
			doc.body.dispatchEvent(new CustomEvent(DASHBOARD_REFRESH_EVENT));
			return;
		}
		showError(refusalText(detail.xhr?.status ?? 0, detail.xhr?.responseText ?? ''));
	});
}
