// Tiny DOM helpers for the panels: build elements, and update keyed table rows in place (so that an open <details>,
// the focus or a screen reader's position survive the next refresh).

export type Child = Node | string | null | undefined | false;

export function h(doc: Document, tag: string, props: Record<string, string> = {}, ...children: Child[]): HTMLElement {
	const element = doc.createElement(tag);
	for (const [key, value] of Object.entries(props)) {
		if (key === 'class') {
			element.className = value;
		}
		else if (key === 'text') {
			element.textContent = value;
		}
		else {
			element.setAttribute(key, value);
		}
	}
	for (const child of children) {
		if (child !== null && child !== undefined && child !== false) {
			element.append(child);
		}
	}
	return element;
}

export function setText(element: Element | null, text: string): void {
	if (element !== null && element.textContent !== text) {
		element.textContent = text;
	}
}

/**
 * Makes {@code container}'s children one per key, in order: existing ones (by data-key) are kept and updated, new ones
 * created, the rest removed.
 */
export function syncKeyed<T>(container: Element, items: readonly T[], key: (item: T) => string,
	create: (item: T) => HTMLElement, update: (element: HTMLElement, item: T) => void): void {
	const existing = new Map<string, HTMLElement>();
	for (const child of Array.from(container.children)) {
		if (child instanceof HTMLElement && child.dataset.key !== undefined) {
			existing.set(child.dataset.key, child);
		}
	}
	let previous: Element | null = null;
	for (const item of items) {
		const k = key(item);
		let element = existing.get(k);
		if (element === undefined) {
			element = create(item);
			element.dataset.key = k;
		}
		existing.delete(k);
		update(element, item);
		const expected: Element | null = previous === null ? container.firstElementChild : previous.nextElementSibling;
		if (expected !== element) {
			if (previous === null) {
				container.prepend(element);
			}
			else {
				previous.after(element);
			}
		}
		previous = element;
	}
	existing.forEach((element) => element.remove());
}

/** A share bar: a track with a fill as wide as the share (0–1). */
export function bar(doc: Document, modifier: string): HTMLElement {
	return h(doc, 'span', { class: `bar bar--${modifier}`, 'aria-hidden': 'true' }, h(doc, 'span', { class: 'bar__fill' }));
}

export function setBar(element: Element | null, share: number | null): void {
	const fill = element?.querySelector<HTMLElement>('.bar__fill');
	if (fill !== null && fill !== undefined) {
		const width = `${Math.max(0, Math.min(1, share ?? 0)) * 100}%`;
		if (fill.style.width !== width) {
			fill.style.width = width;
		}
		fill.classList.toggle('bar__fill--zero', (share ?? 0) === 0);
	}
}
