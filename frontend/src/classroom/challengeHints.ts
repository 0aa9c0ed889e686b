// A student's challenge page in a room: each hint the student shows is counted on the server (the teacher's dashboard
// says how many each student used), and the hints already counted show again when the page is reloaded, so a reload
// neither hides them nor counts them twice.
import type { Fetch } from '../commands/commands';

/**
 * Shows the first {@code data-hints-used} hints before the panel counts them, then posts to {@code data-hints-api}
 * (both on {@code holder}) each time the hint button shows one more. Call before the challenge panel is installed.
 */
export function installHintReports(holder: HTMLElement, panel: HTMLElement, fetcher: Fetch): void {
	const api = holder.dataset.hintsApi;
	const hints = Array.from(panel.querySelectorAll<HTMLLIElement>('[data-part="hints"] li'));
	const used = Math.min(Number(holder.dataset.hintsUsed ?? 0) || 0, hints.length);
	hints.slice(0, used).forEach((hint) => {
		hint.hidden = false;
	});
	const button = panel.querySelector<HTMLButtonElement>('[data-control="hint"]');
	if (api === undefined || button === null) {
		return;
	}
	button.addEventListener('click', () => {
		// A disabled button fires no click: each click shows one more hint
		void fetcher(api, { method: 'POST', headers: { Accept: 'application/json' } }).catch(() => null);
	});
}
