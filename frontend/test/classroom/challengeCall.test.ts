import { describe, expect, it } from 'vitest';
import { challengeTitle, isChallengeCallState } from '../../src/classroom/challengeCall';

describe('challengeTitle', () => {
	it('invites the student only while the class is on a challenge', () => {
		const challenge = { id: 'n3-passes-health-check', title: 'Make n3 pass the health check' };
		expect(challengeTitle({ activity: 'challenge', challenge })).toBe('Make n3 pass the health check');
		expect(challengeTitle({ activity: 'lesson', challenge: null })).toBeNull();
		expect(challengeTitle({ activity: 'challenge', challenge: null })).toBeNull();
	});

	it('reads a class message', () => {
		expect(isChallengeCallState({ activity: 'lesson', challenge: null, showing: 'teacher' })).toBe(true);
		expect(isChallengeCallState({ activity: 'challenge', challenge: { id: 'x', title: 'X' } })).toBe(true);
		expect(isChallengeCallState({ activity: 'challenge', challenge: 'x' })).toBe(false);
		expect(isChallengeCallState({ challenge: null })).toBe(false);
	});
});
