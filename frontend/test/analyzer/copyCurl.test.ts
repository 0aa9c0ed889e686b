import { describe, expect, it } from 'vitest';
import { copyLabel } from '../../src/analyzer/copyCurl';

describe('copyLabel', () => {
	it('says what happened', () => {
		expect(copyLabel('idle')).toBe('Copy');
		expect(copyLabel('copied')).toBe('Copied');
		expect(copyLabel('failed')).toBe('Copy failed');
	});
});
