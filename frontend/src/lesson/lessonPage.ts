// The lesson panel beside the playground: after an answer is swapped in, focus moves to the explanation and the
// verdict is announced; "Copy link" shares the step's own URL (with the sandbox's state once the learner has changed
// it); "Open in the playground" opens the current state in the playground.
import type { Fetch } from '../commands/commands';

/** The link to share for a lesson step: the step's URL, plus the permalink's state if the learner changed anything. */
export function lessonLink(stepUrl: string, permalink: string, changed: boolean): string {
	const shared = new URL(permalink);
	const link = new URL(stepUrl, shared);
	const state = shared.searchParams.get('s');
	if (changed && state !== null) {
		link.searchParams.set('s', state);
	}
	return link.toString();
}

/** Whether a request to the sandbox API changes the sandbox (reading it does not). */
export function changesSandbox(api: string, url: string, method: string | undefined): boolean {
	const verb = (method ?? 'GET').toUpperCase();
	const path = url.split('?')[0];
	return verb !== 'GET' && verb !== 'HEAD' && (path === api || path.startsWith(`${api}/`));
}

/** Remembers whether the learner has changed the step's sandbox, from fetches and htmx requests alike. */
export class ChangeTracker {
	changed = false;

	constructor(private readonly api: string) {}

	/** A fetcher that notes changing requests to the sandbox before passing them on. */
	wrap(fetcher: Fetch): Fetch {
		return (url, init) => {
			if (changesSandbox(this.api, url, init?.method)) {
				this.changed = true;
			}
			return fetcher(url, init);
		};
	}

	/** Notes an htmx request that went to the sandbox. */
	noteHtmx(path: string | undefined, verb: string | undefined): void {
		if (path !== undefined && changesSandbox(this.api, path, verb)) {
			this.changed = true;
		}
	}
}

interface HtmxDetail {
	elt?: Element;
	target?: Element;
	requestConfig?: { verb?: string; path?: string };
}

/** Wires the panel: focus and announcements after answers, change tracking, "Open in the playground". */
export function installLessonPanel(panel: HTMLElement, tracker: ChangeTracker | null, playgroundRoot: HTMLElement | null,
	fetcher: Fetch, navigate: (url: string) => void): void {
	const announcer = panel.querySelector<HTMLElement>('[data-lesson-announcer]');
	panel.ownerDocument.addEventListener('htmx:afterSwap', (event) => {
		const detail = (event as CustomEvent<HtmxDetail>).detail;
		const swapped = detail.elt;
		if (swapped === undefined || !panel.contains(swapped)) {
			return;
		}
		const explanation = swapped.querySelector<HTMLElement>('[data-explanation]');
		if (explanation !== null) {
			explanation.focus();
			if (announcer !== null) {
				announcer.textContent = explanation.querySelector('.verdict')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
			}
		}
	});
	playgroundRoot?.addEventListener('htmx:afterRequest', (event) => {
		const detail = (event as CustomEvent<HtmxDetail>).detail;
		tracker?.noteHtmx(detail.requestConfig?.path, detail.requestConfig?.verb);
	});
	const open = panel.querySelector<HTMLAnchorElement>('[data-control="open-playground"]');
	const api = playgroundRoot?.dataset.api;
	if (open !== null && api !== undefined) {
		open.addEventListener('click', (event) => {
			event.preventDefault();
			void fetcher(`${api}/permalink`, { method: 'GET', headers: { Accept: 'application/json' } })
				.then(async (response) => {
					navigate(response.ok ? ((await response.json()) as { url: string }).url : open.href);
				})
				.catch(() => navigate(open.href));
		});
	}
}
