// "Copy" buttons beside the snippets of /embed/help: each names the <pre> it copies (data-copy-snippet="<id>").
// Like the curl buttons they stay hidden until this runs, and they reuse their labels.
import { showCopyState, type ClipboardLike } from './copyCurl';

/** The text a snippet's button copies: its <pre>'s text as shown, or null when the button names nothing. */
export function snippetText(doc: Document, button: HTMLButtonElement): string | null {
	const id = button.dataset.copySnippet;
	const snippet = id ? doc.getElementById(id) : null;
	return snippet?.textContent ?? null;
}

export function installCopySnippets(doc: Document, clipboard: ClipboardLike | undefined): void {
	const buttons = doc.querySelectorAll<HTMLButtonElement>('button[data-copy-snippet]');
	if (!clipboard || buttons.length === 0) {
		return;
	}
	buttons.forEach((button) => {
		button.hidden = false;
		button.addEventListener('click', () => {
			const text = snippetText(doc, button);
			if (text === null) {
				showCopyState(button, 'failed');
				return;
			}
			clipboard.writeText(text).then(
				() => showCopyState(button, 'copied'),
				() => showCopyState(button, 'failed'),
			);
		});
	});
}
