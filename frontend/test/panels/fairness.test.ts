import { describe, expect, it } from 'vitest';
import { fairnessLine } from '../../src/panels/fairness';
import { statistics } from '../scene/fixtures';

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
		const stats = {
			...statistics().statistics,
			pods: [],
			exactFairness: { busiestPod: null, busiestShare: '0', maxShare: '0', minShare: '0', maxOverMin: null },
		};
		expect(fairnessLine(stats).text).toBe('No pod receives external traffic.');
	});

	it('shows the server’s values, not a share recomputed in the browser', () => {
		const message = statistics();
		// A serving pod that gets nothing (R4): the server says the ratio is unbounded, and the line says so
		const stats = {
			...message.statistics,
			exactFairness: { busiestPod: 'web-4', busiestShare: '1/2', maxShare: '1/2', minShare: '0', maxOverMin: null },
			observedFairness: { ...message.statistics.observedFairness, maxOverMin: null },
		};
		expect(fairnessLine(stats).text).toBe('Busiest pod web-4: 1/2 of new connections exactly, 50.0 % observed. '
			+ 'Largest pod share over smallest: — exactly.');
		expect(fairnessLine({ ...stats, connections: 0 }).busiestObserved).toBeNull();
	});
});
