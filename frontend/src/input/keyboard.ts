// The canvas from the keyboard: arrows walk through nodes and their pods; Enter picks a pod up (then Enter on a node,
// or the node's number, moves it there); a digit moves the focused pod to node N at once; Delete deletes it; M opens
// a node's menu; P toggles externalTrafficPolicy; F follows the next connection (again: of the next client); Esc
// cancels (and stops following). Pure: a key and the state in, an intent out.
import { nextFollowClient } from '../scene/follow';
import type { Scene } from '../scene/scene';
import type { Item, ViewState } from '../scene/view';
import { sameItem } from '../scene/view';
import type { Intent } from './intent';

export type { Intent } from './intent';

/** Nodes in order, each followed by its pods; pending pods last. */
export function focusOrder(scene: Scene): Item[] {
	const items: Item[] = [];
	for (const node of scene.nodes) {
		items.push({ kind: 'node', name: node.name });
		for (const pod of scene.pods) {
			if (pod.node === node.name) {
				items.push({ kind: 'pod', name: pod.name });
			}
		}
	}
	for (const pod of scene.pods) {
		if (pod.node === null) {
			items.push({ kind: 'pod', name: pod.name });
		}
	}
	return items;
}

function step(scene: Scene, focused: Item | null, delta: number): Item | null {
	const order = focusOrder(scene);
	if (order.length === 0) {
		return null;
	}
	const index = order.findIndex((item) => sameItem(item, focused));
	if (index < 0) {
		return order[delta > 0 ? 0 : order.length - 1];
	}
	return order[(index + delta + order.length) % order.length];
}

/** The n-th node that is still there (1-based, as the keys are). */
export function nthNode(scene: Scene, n: number): string | null {
	const live = scene.nodes.filter((node) => !node.gone);
	return n >= 1 && n <= live.length ? live[n - 1].name : null;
}

function podOf(view: ViewState): string | null {
	if (view.carrying !== null) {
		return view.carrying;
	}
	return view.focused?.kind === 'pod' ? view.focused.name : null;
}

export function keyIntent(key: string, scene: Scene, view: ViewState): Intent {
	const focused = view.focused;
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown': {
			const next = step(scene, focused, 1);
			return next === null ? { kind: 'none' } : { kind: 'focus', item: next };
		}
		case 'ArrowLeft':
		case 'ArrowUp': {
			const next = step(scene, focused, -1);
			return next === null ? { kind: 'none' } : { kind: 'focus', item: next };
		}
		case 'Enter':
		case ' ':
			if (focused?.kind === 'pod') {
				return { kind: 'carry', pod: view.carrying === focused.name ? null : focused.name };
			}
			if (focused?.kind === 'node') {
				return view.carrying !== null
					? { kind: 'move', pod: view.carrying, node: focused.name }
					: { kind: 'menu', node: focused.name };
			}
			return { kind: 'none' };
		case 'Delete':
		case 'Backspace': {
			const pod = podOf(view);
			return pod === null ? { kind: 'none' } : { kind: 'delete', pod };
		}
		case 'm':
		case 'M': {
			if (focused?.kind === 'node') {
				return { kind: 'menu', node: focused.name };
			}
			const pod = focused?.kind === 'pod' ? scene.pods.find((p) => p.name === focused.name) : undefined;
			return pod?.node == null ? { kind: 'none' } : { kind: 'menu', node: pod.node };
		}
		case 'p':
		case 'P':
			return { kind: 'toggle-policy' };
		case 'f':
		case 'F':
			return { kind: 'follow', client: nextFollowClient(scene, view.follow ?? null) };
		case 'Escape':
			return { kind: 'cancel' };
		default: {
			if (/^[0-9]$/.test(key)) {
				const pod = podOf(view);
				const node = nthNode(scene, key === '0' ? 10 : Number(key));
				return pod === null || node === null ? { kind: 'none' } : { kind: 'move', pod, node };
			}
			return { kind: 'none' };
		}
	}
}
