import { describe, expect, it } from 'vitest';
import { fairnessLine } from '../../src/scene/fairness';
import { compare, divide, formatFraction, parseFraction, percent } from '../../src/scene/fraction';
import { statistics } from './fixtures';

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

describe('fairnessLine', () => {
	it('names the busiest pod and the largest over the smallest share, exact beside observed', () => {
		const message = statistics();
		const stats = {
			...message.statistics,
			pods: [
				...message.statistics.pods,
				{ ...message.statistics.pods[0], pod: 'web-1', exactShare: '1/6', observedShare: 0.15 },
				{ ...message.statistics.pods[0], pod: 'web-2', exactShare: '0', observedShare: 0 },
			],
		};
		const line = fairnessLine(stats);
		expect(line.busiestPod).toBe('web-4');
		expect(line.busiestExact).toBe('1/2');
		expect(line.ratioExact).toBe('3');
		expect(line.ratioObserved).toBe('3.30');
		expect(line.text).toContain('Busiest pod web-4: 1/2 of new connections exactly, 50.0 % observed.');
	});

	it('says so when no pod receives traffic', () => {
		const stats = { ...statistics().statistics, pods: [] };
		expect(fairnessLine(stats).text).toBe('No pod receives external traffic.');
	});
});
