import { describe, expect, it } from 'vitest';
import { markTabsFromStored } from '../../src/analyzer/whitespace';

describe('markTabsFromStored', () => {
	it('marks tabs by default', () => {
		expect(markTabsFromStored(null)).toBe(true);
	});

	it('remembers that markers were turned off', () => {
		expect(markTabsFromStored('false')).toBe(false);
		expect(markTabsFromStored('true')).toBe(true);
	});
});
