import { describe, expect, it } from 'vitest';
import { tableCommand } from '../../src/playground/pageControls';

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
