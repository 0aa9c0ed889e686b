import { describe, expect, it } from 'vitest';
import { commandsFor, eventsFor, message, parseCommand, type Choices } from '../../src/embed/envelope';

const OPEN: Choices = { loadBalancers: null, presets: null, speeds: null };
const PAGE: Choices = { loadBalancers: ['aws-nlb-instance', 'aws-clb'], presets: ['uneven-3-1-0'], speeds: [0.5, 1, 2] };

const ours = (fields: Record<string, unknown>): Record<string, unknown> => ({ source: 'traffic-lab', version: 1, ...fields });

describe('message', () => {
	it('wraps fields in the envelope', () => {
		expect(message('policyChanged', { policy: 'Local' }))
			.toEqual({ source: 'traffic-lab', version: 1, type: 'policyChanged', policy: 'Local' });
	});
});

describe('parseCommand', () => {
	it('ignores what is not ours', () => {
		expect(parseCommand('hello', 'playground', OPEN)).toEqual({ kind: 'ignore' });
		expect(parseCommand(null, 'playground', OPEN)).toEqual({ kind: 'ignore' });
		expect(parseCommand({ type: 'hello' }, 'playground', OPEN)).toEqual({ kind: 'ignore' });
		expect(parseCommand({ source: 'other', version: 1, type: 'hello' }, 'playground', OPEN)).toEqual({ kind: 'ignore' });
	});

	it('takes each command with its id', () => {
		expect(parseCommand(ours({ type: 'hello' }), 'playground', OPEN)).toEqual({ kind: 'command', command: { type: 'hello' } });
		expect(parseCommand(ours({ type: 'setPolicy', policy: 'Local', id: '7' }), 'playground', OPEN))
			.toEqual({ kind: 'command', command: { type: 'setPolicy', policy: 'Local' }, id: '7' });
		expect(parseCommand(ours({ type: 'setLoadBalancer', loadBalancer: 'aws-clb' }), 'playground', PAGE))
			.toEqual({ kind: 'command', command: { type: 'setLoadBalancer', loadBalancer: 'aws-clb' } });
		expect(parseCommand(ours({ type: 'loadPreset', preset: 'uneven-3-1-0' }), 'playground', PAGE))
			.toEqual({ kind: 'command', command: { type: 'loadPreset', preset: 'uneven-3-1-0' } });
		expect(parseCommand(ours({ type: 'loadState', state: 'eJx_abc-1' }), 'playground', OPEN))
			.toEqual({ kind: 'command', command: { type: 'loadState', state: 'eJx_abc-1' } });
		expect(parseCommand(ours({ type: 'setSpeed', speed: 2 }), 'playground', PAGE))
			.toEqual({ kind: 'command', command: { type: 'setSpeed', speed: 2 } });
		for (const type of ['pause', 'resume', 'step', 'reset', 'getState']) {
			expect(parseCommand(ours({ type }), 'lesson', OPEN)).toEqual({ kind: 'command', command: { type } });
		}
	});

	it('names the allowed values of a bad field', () => {
		expect(parseCommand(ours({ type: 'setPolicy', policy: 'local', id: 'a' }), 'playground', OPEN))
			.toEqual({ kind: 'invalid', message: 'setPolicy: policy must be one of "Cluster", "Local".', id: 'a' });
		expect(parseCommand(ours({ type: 'setLoadBalancer', loadBalancer: 'generic' }), 'playground', PAGE))
			.toEqual({ kind: 'invalid', message: 'setLoadBalancer: loadBalancer must be one of "aws-nlb-instance", "aws-clb".' });
		expect(parseCommand(ours({ type: 'setSpeed', speed: 3 }), 'playground', PAGE))
			.toEqual({ kind: 'invalid', message: 'setSpeed: speed must be one of 0.5, 1, 2.' });
		expect(parseCommand(ours({ type: 'loadPreset', preset: 'nope' }), 'playground', PAGE))
			.toEqual({ kind: 'invalid', message: 'loadPreset: preset must be one of "uneven-3-1-0".' });
		expect(parseCommand(ours({ type: 'loadState', state: '<script>' }), 'playground', OPEN).kind).toBe('invalid');
	});

	it('names the commands when the type is unknown, or not offered by this kind of embed', () => {
		const unknown = parseCommand(ours({ type: 'explode', id: 'x' }), 'playground', OPEN);
		expect(unknown).toEqual({ kind: 'invalid', id: 'x', message: 'Unknown command "explode": type must be one of "hello", '
			+ '"setPolicy", "setLoadBalancer", "loadPreset", "loadState", "pause", "resume", "step", "reset", "setSpeed", "getState".' });
		const lesson = parseCommand(ours({ type: 'loadPreset', preset: 'x' }), 'lesson', OPEN);
		expect(lesson.kind === 'invalid' && lesson.message).toContain('Unknown command "loadPreset" in a lesson embed');
		expect(parseCommand(ours({}), 'challenge', OPEN).kind).toBe('invalid');
	});

	it('answers a version it does not speak, and an id that is not a string', () => {
		expect(parseCommand({ source: 'traffic-lab', version: 2, type: 'hello', id: 'v' }, 'playground', OPEN))
			.toEqual({ kind: 'invalid', id: 'v', message: 'This embed speaks version 1 of the postMessage API, not 2.' });
		expect(parseCommand(ours({ type: 'hello', id: 3 }), 'playground', OPEN))
			.toEqual({ kind: 'invalid', message: 'id must be a string when given.' });
	});
});

describe('capabilities', () => {
	it('offers every command in the playground and keeps a lesson or a challenge on its own cluster', () => {
		expect(commandsFor('playground')).toHaveLength(11);
		expect(commandsFor('lesson')).not.toContain('loadPreset');
		expect(commandsFor('challenge')).not.toContain('loadState');
		expect(commandsFor('challenge')).toContain('setPolicy');
	});

	it('announces the events each kind posts', () => {
		expect(eventsFor('lesson')).toContain('stepCompleted');
		expect(eventsFor('challenge')).toContain('challengeSolved');
		expect(eventsFor('playground')).not.toContain('challengeSolved');
		expect(eventsFor('playground')).toEqual(['ready', 'stateChanged', 'policyChanged', 'error', 'resize', 'reply']);
	});
});
