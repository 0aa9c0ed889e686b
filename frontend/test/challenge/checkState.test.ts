import { describe, expect, it } from 'vitest';
import { checkAnnouncement, hintLabel, type CheckState } from '../../src/challenge/checkState';

const state = (holding: number, total: number, problem: string | null = null): CheckState =>
	({ achieved: problem === null && holding === total, holding, total, problem });

describe('checkAnnouncement', () => {
	it('says nothing on the first checklist or when nothing changed', () => {
		expect(checkAnnouncement(null, state(1, 3))).toBeNull();
		expect(checkAnnouncement(state(1, 3), state(1, 3))).toBeNull();
	});

	it('counts the conditions that hold when the count changes', () => {
		expect(checkAnnouncement(state(1, 3), state(2, 3))).toBe('2 of 3 conditions hold.');
	});

	it('announces the solve, and losing it again', () => {
		expect(checkAnnouncement(state(2, 3), state(3, 3))).toBe('Solved! Every condition holds. The solution is below the checklist.');
		expect(checkAnnouncement(state(3, 3), state(2, 3))).toBe('The goal no longer holds: 2 of 3 conditions hold.');
	});

	it('tells a problem once', () => {
		const ended = state(0, 0, 'This sandbox has ended.');
		expect(checkAnnouncement(state(1, 3), ended)).toBe('This sandbox has ended.');
		expect(checkAnnouncement(ended, ended)).toBeNull();
	});
});

describe('hintLabel', () => {
	it('counts the next hint, then says all are shown', () => {
		expect(hintLabel(0, 3)).toBe('Show a hint (1 of 3)');
		expect(hintLabel(1, 3)).toBe('Show another hint (2 of 3)');
		expect(hintLabel(3, 3)).toBe('All 3 hints shown');
		expect(hintLabel(1, 1)).toBe('The hint is shown');
	});
});
