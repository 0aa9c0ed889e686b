import { describe, expect, it } from 'vitest';
import { watcherIntent, type Intent } from '../../src/input/intent';

describe('watcherIntent', () => {
	it('keeps what only looks: focus, select, inspect, cancel', () => {
		const looking: Intent[] = [
			{ kind: 'focus', item: { kind: 'node', name: 'n1' } },
			{ kind: 'select', item: { kind: 'lb' } },
			{ kind: 'inspect', connection: 7 },
			{ kind: 'cancel' },
			{ kind: 'none' },
		];
		for (const intent of looking) {
			expect(watcherIntent(intent)).toBe(intent);
		}
	});

	it('turns every change of the sandbox into nothing', () => {
		const changing: Intent[] = [
			{ kind: 'move', pod: 'web-1', node: 'n3' },
			{ kind: 'delete', pod: 'web-1' },
			{ kind: 'menu', node: 'n2' },
			{ kind: 'toggle-policy' },
		];
		for (const intent of changing) {
			expect(watcherIntent(intent)).toEqual({ kind: 'none' });
		}
	});

	it('lets picking a pod up only select it', () => {
		expect(watcherIntent({ kind: 'carry', pod: 'web-4' })).toEqual({ kind: 'select', item: { kind: 'pod', name: 'web-4' } });
		expect(watcherIntent({ kind: 'carry', pod: null })).toEqual({ kind: 'select', item: null });
	});
});
