// A frame sandboxed without allow-forms (WordPress's embeds, many LMS pages) drops every form submission before the
// submit event fires, so htmx never hears it, and the console reports the blocked submission. An embed therefore
// submits its htmx forms itself: a click on a submit button, or Enter in a field, cancels the browser's submission
// and fires the submit event htmx listens for, after the form's own validity check.

function htmxForm(target: EventTarget | null): HTMLFormElement | null {
	if (!(target instanceof Element)) {
		return null;
	}
	const form = target.closest('form');
	return form !== null && form.hasAttribute('hx-post') ? form : null;
}

function isSubmitButton(target: EventTarget | null): boolean {
	return target instanceof Element && target.closest('button[type="submit"], button:not([type]), input[type="submit"]') !== null;
}

function submitThroughHtmx(form: HTMLFormElement): void {
	if (form.reportValidity()) {
		form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
	}
}

/** Sends the page's htmx forms without the browser's form submission, which a sandboxed frame may block. */
export function submitHtmxFormsWithoutNavigation(document: Document): void {
	document.addEventListener('click', (event) => {
		const form = htmxForm(event.target);
		if (form !== null && isSubmitButton(event.target)) {
			event.preventDefault();
			submitThroughHtmx(form);
		}
	});
	document.addEventListener('keydown', (event) => {
		const form = htmxForm(event.target);
		if (form !== null && event.key === 'Enter' && event.target instanceof HTMLInputElement) {
			event.preventDefault();
			submitThroughHtmx(form);
		}
	});
}
