import { describe, expect, it } from 'vitest';
import { answerText, podStateLabel, verdictText } from '../../src/scene/labels';

describe('labels', () => {
	it('say every state with a symbol and a word, never by colour alone', () => {
		expect([200, 503, 0].map(answerText)).toEqual(['✓ 200', '✕ 503', '✕ no answer']);
		expect(verdictText({ verdict: 'UNHEALTHY' })).toBe('✕ LB: unhealthy');
		expect(verdictText({ verdict: null })).toBe('– LB: not a target');
		expect(podStateLabel('TERMINATING')).toBe('◌ terminating');
		expect(podStateLabel('STARTING')).toBe('◐ starting');
	});
});
