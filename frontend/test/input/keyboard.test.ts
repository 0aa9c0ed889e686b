import { describe, expect, it } from 'vitest';
import { focusOrder, keyIntent, nthNode } from '../../src/input/keyboard';
import { startFollowing } from '../../src/scene/follow';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { NO_VIEW, type ViewState } from '../../src/scene/view';
import { snapshot } from '../scene/fixtures';

const scene = sceneFromSnapshot(snapshot());

function view(overrides: Partial<ViewState>): ViewState {
	return { ...NO_VIEW, canvasFocused: true, ...overrides };
}

describe('keyboard', () => {
	it('walks nodes, each followed by its pods, and wraps around', () => {
		expect(focusOrder(scene).map((item) => (item.kind === 'node' || item.kind === 'pod' ? item.name : item.kind)))
			.toEqual(['n1', 'web-1', 'web-2', 'web-3', 'n2', 'web-4', 'n3']);
		expect(keyIntent('ArrowRight', scene, view({}))).toEqual({ kind: 'focus', item: { kind: 'node', name: 'n1' } });
		expect(keyIntent('ArrowDown', scene, view({ focused: { kind: 'pod', name: 'web-3' } })))
			.toEqual({ kind: 'focus', item: { kind: 'node', name: 'n2' } });
		expect(keyIntent('ArrowLeft', scene, view({ focused: { kind: 'node', name: 'n1' } })))
			.toEqual({ kind: 'focus', item: { kind: 'node', name: 'n3' } });
	});

	it('moves the focused pod to node N with a digit', () => {
		expect(keyIntent('3', scene, view({ focused: { kind: 'pod', name: 'web-1' } })))
			.toEqual({ kind: 'move', pod: 'web-1', node: 'n3' });
		expect(keyIntent('7', scene, view({ focused: { kind: 'pod', name: 'web-1' } }))).toEqual({ kind: 'none' });
		expect(keyIntent('2', scene, view({ focused: { kind: 'node', name: 'n1' } }))).toEqual({ kind: 'none' });
		expect(nthNode(scene, 1)).toBe('n1');
	});

	it('picks a pod up with Enter and puts it on the node focused next', () => {
		const pod = view({ focused: { kind: 'pod', name: 'web-4' } });
		expect(keyIntent('Enter', scene, pod)).toEqual({ kind: 'carry', pod: 'web-4' });
		expect(keyIntent('Enter', scene, { ...pod, carrying: 'web-4' })).toEqual({ kind: 'carry', pod: null });
		const onNode = view({ focused: { kind: 'node', name: 'n3' }, carrying: 'web-4' });
		expect(keyIntent('Enter', scene, onNode)).toEqual({ kind: 'move', pod: 'web-4', node: 'n3' });
		expect(keyIntent('1', scene, onNode)).toEqual({ kind: 'move', pod: 'web-4', node: 'n1' });
	});

	it('opens a node menu, deletes a pod, toggles the policy and cancels', () => {
		expect(keyIntent('Enter', scene, view({ focused: { kind: 'node', name: 'n2' } }))).toEqual({ kind: 'menu', node: 'n2' });
		expect(keyIntent('m', scene, view({ focused: { kind: 'pod', name: 'web-4' } }))).toEqual({ kind: 'menu', node: 'n2' });
		expect(keyIntent('Delete', scene, view({ focused: { kind: 'pod', name: 'web-2' } }))).toEqual({ kind: 'delete', pod: 'web-2' });
		expect(keyIntent('Delete', scene, view({ focused: { kind: 'node', name: 'n2' } }))).toEqual({ kind: 'none' });
		expect(keyIntent('p', scene, view({}))).toEqual({ kind: 'toggle-policy' });
		expect(keyIntent('Escape', scene, view({}))).toEqual({ kind: 'cancel' });
		expect(keyIntent('x', scene, view({}))).toEqual({ kind: 'none' });
	});

	it('follows the next connection of any client with F, then of each client in turn', () => {
		expect(keyIntent('f', scene, view({}))).toEqual({ kind: 'follow', client: null });
		const any = startFollowing(scene, null);
		expect(keyIntent('F', scene, view({ follow: any }))).toEqual({ kind: 'follow', client: '203.0.113.10' });
		expect(keyIntent('F', scene, view({ follow: startFollowing(scene, '203.0.113.10') })))
			.toEqual({ kind: 'follow', client: '198.51.100.7' });
	});
});
