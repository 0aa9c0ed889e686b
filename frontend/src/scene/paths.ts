// Where a flight is on the canvas: hop places ("203.0.113.10", "lb", "n1", "web-1") resolved to layout anchors, and
// packets placed along the line (or, between two nodes, the arc) from one hop to the next. Replies travel a lane
// beside the requests'. Pure.
import type { Layout, Point } from './layout';
import { packetPosition, probePhase, type PacketPosition } from './packets';
import type { PacketFlight, ProbeFlight } from './scene';

export type PlaceKind = 'client' | 'lb' | 'node' | 'pod';

export function placeKind(at: string, layout: Layout): PlaceKind | null {
	if (at === 'lb') {
		return 'lb';
	}
	if (layout.nodes.has(at)) {
		return 'node';
	}
	if (layout.pods.has(at)) {
		return 'pod';
	}
	return layout.clients.has(at) ? 'client' : null;
}

export function anchorOf(at: string, layout: Layout): Point | null {
	if (at === 'lb') {
		return layout.lb.anchor;
	}
	return layout.nodes.get(at)?.anchor ?? layout.pods.get(at)?.center ?? layout.clients.get(at)?.anchor ?? null;
}

/** The control point of the arc between two nodes' kube-proxies: above them, or beside them when stacked. */
export function arcControl(a: Point, b: Point, scale: number): Point {
	const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const length = Math.hypot(dx, dy) || 1;
	const bow = Math.min(26 * scale, 0.2 * length);
	return { x: mid.x + (dy / length) * bow, y: mid.y - (Math.abs(dx) / length) * bow };
}

export function along(a: Point, b: Point, t: number, control: Point | null): Point {
	if (control === null) {
		return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
	}
	const u = 1 - t;
	return {
		x: u * u * a.x + 2 * u * t * control.x + t * t * b.x,
		y: u * u * a.y + 2 * u * t * control.y + t * t * b.y,
	};
}

/** Shifts a point sideways from the line a→b (replies keep to their own lane). */
function lane(point: Point, a: Point, b: Point, offset: number): Point {
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const length = Math.hypot(dx, dy);
	if (length === 0 || offset === 0) {
		return point;
	}
	return { x: point.x - (dy / length) * offset, y: point.y + (dx / length) * offset };
}

export interface SegmentGeometry {
	a: Point;
	b: Point;
	control: Point | null;
}

/** The path from hop {@code from} to the next, or null when one end is no longer on the canvas. */
export function segment(flight: PacketFlight, from: number, layout: Layout): SegmentGeometry | null {
	const hops = flight.hops;
	const a = anchorOf(hops[from].at, layout);
	const b = anchorOf(hops[Math.min(from + 1, hops.length - 1)].at, layout);
	if (a === null || b === null) {
		return null;
	}
	const bothNodes = placeKind(hops[from].at, layout) === 'node' && placeKind(hops[from + 1]?.at ?? '', layout) === 'node';
	return { a, b, control: bothNodes && hops[from].at !== hops[from + 1]?.at ? arcControl(a, b, layout.scale) : null };
}

export interface PacketPoint {
	point: Point;
	/** The hop the packet last left (or sits at). */
	hop: number;
	position: PacketPosition;
}

export function packetPoint(flight: PacketFlight, anim: number, layout: Layout, discrete: boolean): PacketPoint | null {
	const position = packetPosition(flight, anim, discrete);
	if (position.state === 'waiting' || position.state === 'done') {
		return null;
	}
	if (position.state === 'arrived') {
		const anchor = anchorOf(flight.hops[position.at].at, layout);
		return anchor === null ? null : { point: anchor, hop: position.at, position };
	}
	const geometry = segment(flight, position.from, layout);
	if (geometry === null) {
		return null;
	}
	const point = along(geometry.a, geometry.b, position.t, geometry.control);
	const reply = flight.hops[position.from].direction === 'reply' && flight.hops[position.from + 1]?.direction === 'reply';
	return {
		point: reply ? lane(point, geometry.a, geometry.b, 6 * layout.scale) : point,
		hop: position.from,
		position,
	};
}

export interface ProbePoint {
	point: Point;
	answering: boolean;
	answered: boolean;
}

/** A probe tag: from the LB to the node's kube-proxy, then its answer back; then it rests beside the node. */
export function probePoint(probe: ProbeFlight, anim: number, layout: Layout, discrete: boolean): ProbePoint | null {
	const phase = probePhase(probe, anim, discrete);
	// NLB ip targets probe pods, so the tag goes to the pod
	const target = probe.pod !== null ? layout.pods.get(probe.pod)?.center : layout.nodes.get(probe.node)?.anchor;
	if (target === undefined || phase.state === 'waiting' || phase.state === 'done') {
		return null;
	}
	// The probe's end at the load balancer: a little outside its box, so the answer stays readable
	const lb = along(lbEdge(layout, target), target, 0.14, null);
	const offset = -10 * layout.scale;
	switch (phase.state) {
		case 'asking':
			return { point: lane(along(lb, target, phase.t, null), lb, target, offset), answering: false, answered: false };
		case 'answering':
			return { point: lane(along(target, lb, phase.t, null), lb, target, offset), answering: true, answered: false };
		case 'answered':
			return { point: lane(along(target, lb, 1, null), lb, target, offset), answering: true, answered: true };
	}
}

/** Where the line from the load balancer's centre towards {@code toward} leaves its box. */
export function lbEdge(layout: Layout, toward: Point): Point {
	const { rect, anchor } = layout.lb;
	const dx = toward.x - anchor.x;
	const dy = toward.y - anchor.y;
	const tx = dx === 0 ? Number.POSITIVE_INFINITY : (rect.w / 2) / Math.abs(dx);
	const ty = dy === 0 ? Number.POSITIVE_INFINITY : (rect.h / 2) / Math.abs(dy);
	const t = Math.min(tx, ty, 1);
	return { x: anchor.x + dx * t, y: anchor.y + dy * t };
}
