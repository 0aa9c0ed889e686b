import { describe, expect, it } from 'vitest';
import { installPolledFragment } from '../../src/challenge/polledFragment';

/** A document as far as the polling uses it: its events, and whether its tab is hidden. */
function page(): EventTarget & { hidden: boolean } {
	return Object.assign(new EventTarget(), { hidden: false });
}

function request(doc: EventTarget, id: string): boolean {
	return doc.dispatchEvent(new CustomEvent('htmx:beforeRequest', { cancelable: true, detail: { elt: { id } } }));
}

function swap(doc: EventTarget, id: string, serverResponse: string): boolean | undefined {
	const detail: { target: { id: string }; serverResponse: string; shouldSwap?: boolean } = { target: { id }, serverResponse };
	doc.dispatchEvent(new CustomEvent('htmx:beforeSwap', { detail }));
	return detail.shouldSwap;
}

describe('installPolledFragment', () => {
	it('cancels the fragment\'s polls while the tab is hidden, and no other request', () => {
		const doc = page();
		installPolledFragment(doc as unknown as Document, 'polled');
		expect(request(doc, 'polled')).toBe(true);
		doc.hidden = true;
		expect(request(doc, 'polled')).toBe(false);
		expect(request(doc, 'other')).toBe(true);
	});

	it('does not swap an answer identical to the one shown, nor touch other swaps', () => {
		const doc = page();
		installPolledFragment(doc as unknown as Document, 'polled');
		expect(swap(doc, 'polled', '<p>1</p>')).toBeUndefined();
		expect(swap(doc, 'polled', '<p>1</p>')).toBe(false);
		expect(swap(doc, 'other', '<p>1</p>')).toBeUndefined();
		expect(swap(doc, 'polled', '<p>2</p>')).toBeUndefined();
	});
});
