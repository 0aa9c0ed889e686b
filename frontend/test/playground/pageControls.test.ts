import { describe, expect, it } from 'vitest';
import { tableCommand, toggleMore } from '../../src/playground/pageControls';

function button(dataset: Record<string, string>, selected = ''): HTMLButtonElement {
	const select = { value: selected };
	return { dataset, closest: () => ({ querySelector: () => select }) } as unknown as HTMLButtonElement;
}

describe('tableCommand', () => {
	it("turns a table button into the command it names", () => {
		expect(tableCommand(button({ command: 'drain', node: 'n2' }))).toEqual({ kind: 'drain', node: 'n2' });
		expect(tableCommand(button({ command: 'delete-pod', pod: 'web-1' }))).toEqual({ kind: 'delete-pod', pod: 'web-1' });
		expect(tableCommand(button({ command: 'move', pod: 'web-1' }, 'n3'))).toEqual({ kind: 'move', pod: 'web-1', node: 'n3' });
	});

	it('sends nothing until the row names its target', () => {
		expect(tableCommand(button({ command: 'move', pod: 'web-1' }))).toBeNull();
		expect(tableCommand(button({ command: 'kill' }))).toBeNull();
		expect(tableCommand(button({ command: 'unknown', node: 'n1' }))).toBeNull();
	});
});

describe('toggleMore', () => {
	it('flips aria-expanded, which the stylesheet reads', () => {
		const attributes = new Map([['aria-expanded', 'false']]);
		const more = {
			getAttribute: (name: string) => attributes.get(name) ?? null,
			setAttribute: (name: string, value: string) => attributes.set(name, value),
		} as unknown as HTMLElement;
		toggleMore(more);
		expect(attributes.get('aria-expanded')).toBe('true');
		toggleMore(more);
		expect(attributes.get('aria-expanded')).toBe('false');
		expect(() => toggleMore(null)).not.toThrow();
	});
});
