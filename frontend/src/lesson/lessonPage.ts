// The lesson panel beside the playground: after an answer is swapped in, focus moves to the explanation and the
// verdict is announced; "Copy link" shares the step's own URL (with the sandbox's state once the server says the
// learner has changed it); "Open in the playground" opens the current state in the playground.
import type { Fetch } from '../commands/commands';
import { SHOW_RULES_EVENT, type ShowRulesDetail } from '../panels/rules';

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

function showRules(element: HTMLElement): void {
	const detail: ShowRulesDetail = { node: element.dataset.node ?? '', mode: element.dataset.mode ?? 'iptables' };
	element.ownerDocument.dispatchEvent(new CustomEvent(SHOW_RULES_EVENT, { detail }));
}

interface HtmxDetail {
	elt?: Element;
	target?: Element;
}

/** Wires the panel: focus and announcements after answers, "Open in the playground". */
export function installLessonPanel(panel: HTMLElement, playgroundRoot: HTMLElement | null, fetcher: Fetch,
	navigate: (url: string) => void): void {
	const announcer = panel.querySelector<HTMLElement>('[data-lesson-announcer]');
	panel.ownerDocument.addEventListener('htmx:afterSwap', (event) => {
		const detail = (event as CustomEvent<HtmxDetail>).detail;
		const swapped = detail.elt;
		if (swapped === undefined || !panel.contains(swapped)) {
			return;
		}
		const rules = swapped.querySelector<HTMLElement>('[data-show-rules]');
		if (rules !== null) {
			showRules(rules);
			rules.addEventListener('click', () => showRules(rules));
		}
		const explanation = swapped.querySelector<HTMLElement>('[data-explanation]');
		if (explanation !== null) {
			explanation.focus();
			if (announcer !== null) {
				announcer.textContent = explanation.querySelector('.verdict')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
			}
		}
	});
	const open = panel.querySelector<HTMLAnchorElement>('[data-control="open-playground"]');
	if (open !== null && playgroundRoot !== null) {
		open.addEventListener('click', (event) => {
			// read at the click: the page's script writes the address once it has created the sandbox
			const api = playgroundRoot.dataset.api;
			if (api === undefined || playgroundRoot.dataset.sandboxId === undefined) {
				return;
			}
			event.preventDefault();
			void fetcher(`${api}/permalink`, { method: 'GET', headers: { Accept: 'application/json' } })
				.then(async (response) => {
					navigate(response.ok ? ((await response.json()) as { url: string }).url : open.href);
				})
				.catch(() => navigate(open.href));
		});
	}
}
