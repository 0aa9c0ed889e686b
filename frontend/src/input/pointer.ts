// Pointer input on the canvas: drag a pod onto another node to move it, or out of every node to delete it; click a
// packet to inspect it, a node's ⋯ to open its menu, a pod to pick it up (then click a node: for touch screens, where
// dragging would scroll); click a client to follow its next connection. Reports intents and the drag in progress;
// never sends commands itself.
import type { Layout, Point } from '../scene/layout';
import type { Scene } from '../scene/scene';
import type { Drag, ViewState } from '../scene/view';
import { hitTest, nodeAt } from './hitTest';
import type { Intent } from './intent';

/** A pointer that moves less than this (CSS px) between down and up clicks rather than drags. */
export const DRAG_THRESHOLD = 5;

export interface PointerHost {
	scene(): Scene | null;
	layout(): Layout | null;
	view(): ViewState;
	setDrag(drag: Drag | null): void;
	setHover(connection: number | null): void;
	intent(intent: Intent): void;
	/** A watcher's canvas: pods cannot be dragged. */
	readOnly?: boolean;
}

/** What releasing a dragged pod means: a move, a delete, or nothing (dropped where it was). */
export function dropIntent(scene: Scene, drag: Drag): Intent {
	const pod = scene.pods.find((p) => p.name === drag.pod);
	if (pod === undefined) {
		return { kind: 'none' };
	}
	if (drag.over === null) {
		return { kind: 'delete', pod: pod.name };
	}
	return drag.over === pod.node ? { kind: 'none' } : { kind: 'move', pod: pod.name, node: drag.over };
}

/** What a click (no drag) on the canvas means. */
export function clickIntent(scene: Scene, layout: Layout, point: Point, view: ViewState): Intent {
	const target = hitTest(scene, layout, point);
	switch (target.kind) {
		case 'packet':
			return { kind: 'inspect', connection: target.connection };
		case 'pod':
			return { kind: 'carry', pod: view.carrying === target.name ? null : target.name };
		case 'node-menu':
			return { kind: 'menu', node: target.name, at: point };
		case 'node':
			return view.carrying !== null
				? { kind: 'move', pod: view.carrying, node: target.name }
				: { kind: 'select', item: { kind: 'node', name: target.name } };
		case 'lb':
			return { kind: 'select', item: { kind: 'lb' } };
		case 'client':
			return { kind: 'follow', client: target.ip };
		default:
			return view.carrying !== null ? { kind: 'cancel' } : { kind: 'select', item: null };
	}
}

export function installPointer(canvas: HTMLCanvasElement, host: PointerHost): void {
	let down: { point: Point; pod: string | null; id: number } | null = null;
	let dragging = false;
	const pointOf = (event: PointerEvent): Point => {
		const rect = canvas.getBoundingClientRect();
		return { x: event.clientX - rect.left, y: event.clientY - rect.top };
	};
	canvas.addEventListener('pointerdown', (event) => {
		const scene = host.scene();
		const layout = host.layout();
		if (scene === null || layout === null || event.button !== 0) {
			return;
		}
		const point = pointOf(event);
		// A drag always grabs the pod under the pointer, even while a packet passes over it; a click without a drag
		// still selects what is on top (the packet)
		const under = hitTest(scene, layout, point, false);
		down = { point, pod: under.kind === 'pod' && host.readOnly !== true ? under.name : null, id: event.pointerId };
		dragging = false;
	});
	canvas.addEventListener('pointermove', (event) => {
		const scene = host.scene();
		const layout = host.layout();
		if (scene === null || layout === null) {
			return;
		}
		const point = pointOf(event);
		if (down === null || down.id !== event.pointerId) {
			const target = hitTest(scene, layout, point);
			host.setHover(target.kind === 'packet' ? target.connection : null);
			canvas.style.cursor = target.kind === 'pod' && host.readOnly !== true ? 'grab'
				: target.kind === 'packet' || target.kind === 'client' || (target.kind === 'node-menu' && host.readOnly !== true)
				|| (target.kind === 'node' && host.view().carrying !== null) ? 'pointer' : 'default';
			return;
		}
		if (down.pod === null) {
			return;
		}
		if (!dragging && Math.hypot(point.x - down.point.x, point.y - down.point.y) >= DRAG_THRESHOLD) {
			dragging = true;
			canvas.setPointerCapture(event.pointerId);
		}
		if (dragging) {
			canvas.style.cursor = 'grabbing';
			host.setDrag({ pod: down.pod, point, over: nodeAt(layout, point) });
		}
	});
	const finish = (event: PointerEvent, cancelled: boolean) => {
		const scene = host.scene();
		const layout = host.layout();
		if (down === null || down.id !== event.pointerId || scene === null || layout === null) {
			down = null;
			return;
		}
		const point = pointOf(event);
		const drag = host.view().drag;
		if (dragging && drag !== null) {
			host.setDrag(null);
			if (!cancelled) {
				host.intent(dropIntent(scene, { ...drag, point, over: nodeAt(layout, point) }));
			}
		}
		else if (!cancelled) {
			host.intent(clickIntent(scene, layout, point, host.view()));
		}
		down = null;
		dragging = false;
		canvas.style.cursor = 'default';
	};
	canvas.addEventListener('pointerup', (event) => finish(event, false));
	canvas.addEventListener('pointercancel', (event) => finish(event, true));
}
