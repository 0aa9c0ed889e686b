// Wires a challenge's panel: hints revealed one at a time, the polled checklist refreshed at once after a command,
// swapped only when it changed (so focus and reading position survive), and its changes told to a live region.
import { COMMAND_EVENT } from '../protocol/commandOutcome';
import { checkAnnouncement, hintLabel, type CheckState } from './checkState';
import { installPolledFragment } from './polledFragment';

const CHECKLIST_ID = 'challenge-check';

/** The event the checklist's hx-trigger listens for on the body. */
export const REFRESH_EVENT = 'trafficlab:refresh';

function readState(element: Element | null): CheckState | null {
	if (!(element instanceof HTMLElement)) {
		return null;
	}
	const problem = element.querySelector('.challenge-check__problem')?.textContent?.trim() ?? null;
	return {
		achieved: element.dataset.achieved === 'true',
		holding: Number(element.dataset.holding ?? 0),
		total: Number(element.dataset.total ?? 0),
		problem: problem === '' ? null : problem,
	};
}

/** {@code onSolved} runs each time a checklist with every condition holding is shown. */
export function installChallengePanel(doc: Document, panel: HTMLElement, onSolved: () => void = () => {}): void {
	const announcer = panel.querySelector<HTMLElement>('[data-part="challenge-announcer"]');
	const say = (text: string): void => {
		if (announcer !== null) {
			announcer.textContent = text;
		}
	};
	installHints(panel, say);

	const refresh = (): void => {
		doc.body.dispatchEvent(new CustomEvent(REFRESH_EVENT));
	};
	// every command the sandbox accepted, from the playground (htmx or the canvas) or Start over in the panel
	doc.addEventListener(COMMAND_EVENT, refresh);

	installPolledFragment(doc, CHECKLIST_ID);

	let shown = doc.getElementById(CHECKLIST_ID);
	let state = readState(shown);
	if (state?.achieved === true) {
		onSolved();
	}
	doc.addEventListener('htmx:afterSwap', () => {
		const current = doc.getElementById(CHECKLIST_ID);
		if (current === null || current === shown) {
			return;
		}
		shown = current;
		const next = readState(current);
		if (next !== null) {
			const text = checkAnnouncement(state, next);
			if (text !== null) {
				say(text);
			}
			state = next;
			if (next.achieved) {
				onSolved();
			}
		}
	});
}

function installHints(panel: HTMLElement, say: (text: string) => void): void {
	const button = panel.querySelector<HTMLButtonElement>('[data-control="hint"]');
	const hints = Array.from(panel.querySelectorAll<HTMLLIElement>('[data-part="hints"] li'));
	if (button === null) {
		return;
	}
	const update = (): void => {
		const visible = hints.filter((hint) => !hint.hidden).length;
		button.textContent = hintLabel(visible, hints.length);
		button.disabled = visible >= hints.length;
	};
	button.addEventListener('click', () => {
		const next = hints.find((hint) => hint.hidden);
		if (next !== undefined) {
			next.hidden = false;
			say(`Hint ${hints.indexOf(next) + 1}: ${next.textContent ?? ''}`);
		}
		update();
	});
	update();
}
