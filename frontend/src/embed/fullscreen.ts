// The embed's Fullscreen button. A frame may go fullscreen only when its iframe allows it (allow="fullscreen"), and
// document.fullscreenEnabled says whether it does: without it the button stays hidden rather than failing on click.
// It toggles the page's <main>; the canvas follows its new width as it follows any resize.

/** The part of a Document the button uses (a fake in the tests). */
export interface FullscreenDocument {
	readonly fullscreenEnabled: boolean;
	readonly fullscreenElement: Element | null;
	exitFullscreen(): Promise<void>;
	addEventListener(type: 'fullscreenchange', listener: () => void): void;
}

/** What a fullscreen-able element offers. */
export interface FullscreenTarget {
	requestFullscreen(): Promise<void>;
}

export interface FullscreenButton {
	hidden: boolean;
	addEventListener(type: 'click', listener: () => void): void;
}

/** The words on the button: what a click does. */
export function fullscreenLabel(active: boolean): string {
	return active ? 'Exit fullscreen' : 'Fullscreen';
}

/**
 * Shows the button where fullscreen is allowed and wires it; {@code label} receives its words whenever the state
 * changes (also when the learner leaves with Esc). Returns whether the button is shown.
 */
export function installFullscreen(doc: FullscreenDocument, target: FullscreenTarget, button: FullscreenButton,
	label: (text: string) => void): boolean {
	if (!doc.fullscreenEnabled) {
		button.hidden = true;
		return false;
	}
	button.hidden = false;
	const active = (): boolean => doc.fullscreenElement === (target as unknown as Element);
	button.addEventListener('click', () => {
		// a refusal (no user activation, a policy change) leaves the page as it was
		const change = active() ? doc.exitFullscreen() : target.requestFullscreen();
		void change.catch(() => undefined);
	});
	doc.addEventListener('fullscreenchange', () => label(fullscreenLabel(active())));
	label(fullscreenLabel(active()));
	return true;
}
