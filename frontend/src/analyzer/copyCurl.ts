// "Copy" buttons beside each node's health-check answer. Buttons stay hidden until this module runs, so the page
// never shows a control that cannot work.
import { healthCheckCurl, readTarget } from './curl';

export type CopyState = 'idle' | 'copied' | 'failed';

const RESET_AFTER_MS = 1600;

export function copyLabel(state: CopyState): string {
	switch (state) {
		case 'copied':
			return 'Copied';
		case 'failed':
			return 'Copy failed';
		default:
			return 'Copy';
	}
}

export interface ClipboardLike {
	writeText(text: string): Promise<void>;
}

/** Reveals every copy button under root. Safe to call again after htmx swaps in new content. */
export function revealCopyButtons(root: ParentNode): void {
	root.querySelectorAll<HTMLButtonElement>('button[data-copy-curl]').forEach((button) => {
		button.hidden = false;
		button.setAttribute('aria-label', 'Copy the curl command');
	});
}

/** One delegated click listener covers buttons that htmx adds later. */
export function installCopyCurl(doc: Document, clipboard: ClipboardLike | undefined): void {
	if (!clipboard) {
		return;
	}
	revealCopyButtons(doc);
	doc.addEventListener('click', (event) => {
		const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy-curl]');
		const target = button ? readTarget(button.dataset) : null;
		if (!button || !target) {
			return;
		}
		clipboard.writeText(healthCheckCurl(target)).then(
			() => showCopyState(button, 'copied'),
			() => showCopyState(button, 'failed'),
		);
	});
}

/** Says on the button whether the copy worked, then turns back into "Copy". */
export function showCopyState(button: HTMLButtonElement, state: CopyState): void {
	button.textContent = copyLabel(state);
	setTimeout(() => {
		button.textContent = copyLabel('idle');
	}, RESET_AFTER_MS);
}

/** For pages served over plain http on a LAN (no Clipboard API there): the old copy command. */
export function legacyClipboard(doc: Document): ClipboardLike {
	return {
		writeText(text: string): Promise<void> {
			const area = doc.createElement('textarea');
			area.value = text;
			area.setAttribute('readonly', '');
			area.style.position = 'fixed';
			area.style.opacity = '0';
			doc.body.append(area);
			area.select();
			const copied = doc.execCommand('copy');
			area.remove();
			return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'));
		},
	};
}
