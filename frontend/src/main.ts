// Composition root for the browser code: the only module that touches window and document. The analyzer page is
// server-rendered (Thymeleaf + htmx); this bundle only adds small enhancements on top of it.
import { installCopyCurl, legacyClipboard, revealCopyButtons } from './analyzer/copyCurl';
import { installRequestErrorNotice } from './analyzer/requestErrors';
import { installWhitespaceToggle } from './analyzer/whitespace';

function localStorageOrUndefined(): Storage | undefined {
	try {
		return window.localStorage;
	}
	catch {
		return undefined;
	}
}

const clipboard = window.isSecureContext && navigator.clipboard ? navigator.clipboard : legacyClipboard(document);
installCopyCurl(document, clipboard);
installWhitespaceToggle(document, localStorageOrUndefined());
installRequestErrorNotice(document, () => navigator.onLine);
document.addEventListener('htmx:afterSettle', () => revealCopyButtons(document));
