import { describe, expect, it } from 'vitest';
import { closestOption } from '../../src/playground/controls';

describe('closestOption', () => {
	it('picks the speed option nearest the sandbox speed', () => {
		expect(closestOption([0.25, 0.5, 1, 2, 5, 20], 1)).toBe(1);
		expect(closestOption([0.25, 0.5, 1, 2, 5, 20], 12)).toBe(5);
		expect(closestOption([], 1)).toBeNull();
	});
});
