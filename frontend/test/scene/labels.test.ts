import { describe, expect, it } from 'vitest';
import { answerText, podLook, podStateLabel, podStateText, probeOk, probeWords, verdictText } from '../../src/scene/labels';

describe('labels', () => {
	it('say every state with a symbol and a word, never by colour alone', () => {
		expect([200, 503, 0].map((status) => answerText(status))).toEqual(['✓ 200', '✕ 503', '✕ no answer']);
		expect(verdictText({ verdict: 'unhealthy' })).toBe('✕ LB: unhealthy');
		expect(verdictText({ verdict: null })).toBe('– LB: not a target');
		expect(podStateLabel('terminating')).toBe('◌ terminating');
		expect(podStateLabel('starting')).toBe('◐ starting');
	});

	it('say the TCP probe of the NodePort (Cluster) by its outcome, since it has no HTTP status', () => {
		expect((['connected', 'refused', 'timed-out'] as const).map((answer) => answerText(0, answer)))
			.toEqual(['✓ connected', '✕ refused', '✕ timed out']);
		expect((['connected', 'refused', 'timed-out'] as const).map((answer) => probeOk(0, answer))).toEqual([true, false, false]);
		expect(probeOk(200, 'http')).toBe(true);
		expect(probeOk(503, 'http')).toBe(false);
		expect(probeWords(0, 'refused')).toBe('is refused');
		expect(probeWords(503, 'http')).toBe('answers 503');
		expect(probeWords(0, null)).toBe('answers nothing');
	});

	it('tell a terminating pod that still serves from one whose app has exited, with when it stops serving', () => {
		expect(podLook({ status: 'terminating', serving: true })).toBe('terminating');
		expect(podLook({ status: 'terminating', serving: false })).toBe('not-serving');
		expect(podLook({ status: 'ready', serving: true })).toBe('ready');
		expect(podStateText({ status: 'terminating', serving: true, stopsServingAt: 40_000_000 }))
			.toBe('◌ terminating, serves until 40.0 s');
		expect(podStateText({ status: 'terminating', serving: false, stopsServingAt: 40_000_000 }))
			.toBe('⊘ terminating, not serving (its app exited at 40.0 s)');
		expect(podStateText({ status: 'terminating', serving: false, stopsServingAt: -1 })).toBe('⊘ terminating, not serving');
		expect(podStateText({ status: 'ready', serving: true, stopsServingAt: -1 })).toBe('● ready');
	});
});
