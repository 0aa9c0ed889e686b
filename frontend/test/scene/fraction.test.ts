import { describe, expect, it } from 'vitest';
import { compare, divide, formatFraction, parseFraction, percent } from '../../src/scene/fraction';

describe('fractions', () => {
	it('parse, compare and divide exact shares without rounding', () => {
		const half = parseFraction('1/2')!;
		const sixth = parseFraction('1/6')!;
		expect(formatFraction(parseFraction('2/4')!)).toBe('1/2');
		expect(formatFraction(parseFraction('1')!)).toBe('1');
		expect(parseFraction('x')).toBeNull();
		expect(parseFraction('1/0')).toBeNull();
		expect(compare(half, sixth)).toBeGreaterThan(0);
		expect(formatFraction(divide(half, sixth)!)).toBe('3');
		expect(divide(half, parseFraction('0')!)).toBeNull();
		expect(percent(1 / 6)).toBe('16.7 %');
	});
});
