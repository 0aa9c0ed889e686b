// What is under a point of the canvas: a packet (smallest, drawn on top), a pod, a node's menu button, a node, the
// load balancer or a client. Pure: layout and scene in, a target out.
import { densityOf, isDrawn } from '../scene/density';
import { contains, type Layout, type Point } from '../scene/layout';
import { packetPoint } from '../scene/paths';
import type { Scene } from '../scene/scene';

export type Target =
	| { kind: 'packet'; connection: number }
	| { kind: 'pod'; name: string }
	| { kind: 'node-menu'; name: string }
	| { kind: 'node'; name: string }
	| { kind: 'lb' }
	| { kind: 'client'; ip: string }
	| { kind: 'none' };

/** Packets are small and moving: this many CSS pixels (times the layout's scale) around one still count. */
export const PACKET_RADIUS = 11;

export function hitTest(scene: Scene, layout: Layout, point: Point, packets = true): Target {
	if (packets) {
		const connection = packetAt(scene, layout, point);
		if (connection !== null) {
			return { kind: 'packet', connection };
		}
	}
	for (const pod of layout.pods.values()) {
		if (contains(pod.rect, point)) {
			return { kind: 'pod', name: pod.name };
		}
	}
	for (const node of layout.nodes.values()) {
		if (contains(node.menu, point)) {
			return { kind: 'node-menu', name: node.name };
		}
	}
	for (const node of layout.nodes.values()) {
		if (contains(node.rect, point)) {
			return { kind: 'node', name: node.name };
		}
	}
	if (contains(layout.lb.rect, point)) {
		return { kind: 'lb' };
	}
	for (const [ip, client] of layout.clients) {
		if (contains(client.rect, point)) {
			return { kind: 'client', ip };
		}
	}
	return { kind: 'none' };
}

/** The nearest drawn packet within reach of the point (sampled-out ones are not drawn), newest first on ties. */
export function packetAt(scene: Scene, layout: Layout, point: Point): number | null {
	const reach = PACKET_RADIUS * layout.scale;
	const density = densityOf(scene, layout);
	let best: number | null = null;
	let bestDistance = reach * reach;
	for (const flight of scene.flights) {
		if (flight.kind !== 'packet' || !isDrawn(flight, density, { selected: null, hover: null }, scene)) {
			continue;
		}
		const at = packetPoint(flight, scene.clock.anim, layout, scene.reducedMotion);
		if (at === null) {
			continue;
		}
		const d = (at.point.x - point.x) ** 2 + (at.point.y - point.y) ** 2;
		if (d <= bestDistance) {
			bestDistance = d;
			best = flight.id;
		}
	}
	return best;
}

/** The node a pod would be dropped on, or null outside every node (which deletes it). */
export function nodeAt(layout: Layout, point: Point): string | null {
	for (const node of layout.nodes.values()) {
		if (contains(node.rect, point)) {
			return node.name;
		}
	}
	return null;
}
