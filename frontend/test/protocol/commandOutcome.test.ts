import { describe, expect, it } from 'vitest';
import { isCommandOutcome, outcomeOf } from '../../src/protocol/commandOutcome';

const OUTCOME = {
	command: 'switchPreset', sandbox: 'abc', generation: 2, revision: 5, paused: true, speed: 2, simTime: 4_000_000, preset: 'empty', comparedWith: null,
};

function headers(value: string | null): Pick<Headers, 'get'> {
	return new Headers(value === null ? {} : { 'HX-Trigger': value });
}

describe('outcomeOf', () => {
	it("reads the command and the sandbox after it from the answer's HX-Trigger header", () => {
		expect(outcomeOf(headers(JSON.stringify({ 'trafficlab:command': OUTCOME })))).toEqual(OUTCOME);
	});

	it('finds none in a refusal, another event or a broken header', () => {
		expect(outcomeOf(headers(null))).toBeNull();
		expect(outcomeOf(headers(JSON.stringify({ 'something-else': OUTCOME })))).toBeNull();
		expect(outcomeOf(headers('trafficlab:command'))).toBeNull();
		expect(outcomeOf(headers(JSON.stringify({ 'trafficlab:command': { command: 'pause' } })))).toBeNull();
	});
});

describe('isCommandOutcome', () => {
	it('wants the fields the playground reads', () => {
		expect(isCommandOutcome(OUTCOME)).toBe(true);
		expect(isCommandOutcome({ ...OUTCOME, revision: '5' })).toBe(false);
		expect(isCommandOutcome(null)).toBe(false);
	});
});
