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
	/** Between the load balancer and a node (or a pod target): the layout's route, a polyline from a to b. */
	route: Point[] | null;
}

/** The way between the LB and a node or a pod (through its node's route), either direction; null for other hops. */
export function lbRoute(from: string, to: string, layout: Layout): Point[] | null {
	if (from !== 'lb' && to !== 'lb') {
		return null;
	}
	const other = from === 'lb' ? to : from;
	const pod = layout.pods.get(other);
	const node = pod === undefined ? other : pod.node;
	const route = node === null ? undefined : layout.routes.get(node);
	if (route === undefined) {
		return null;
	}
	const points = pod === undefined ? route : [...route, pod.center];
	return from === 'lb' ? points : [...points].reverse();
}

/** The path from hop {@code from} to the next, or null when one end is no longer on the canvas. */
export function segment(flight: PacketFlight, from: number, layout: Layout): SegmentGeometry | null {
	return hopSegment(flight.hops, from, layout);
}

/** The way from one hop of a trip to the next: the LB's route, the arc between two nodes, or a straight line. */
export function hopSegment(hops: readonly { at: string }[], from: number, layout: Layout): SegmentGeometry | null {
	const next = hops[Math.min(from + 1, hops.length - 1)].at;
	const a = anchorOf(hops[from].at, layout);
	const b = anchorOf(next, layout);
	if (a === null || b === null) {
		return null;
	}
	const route = lbRoute(hops[from].at, next, layout);
	if (route !== null) {
		return { a, b, control: null, route };
	}
	const bothNodes = placeKind(hops[from].at, layout) === 'node' && placeKind(hops[from + 1]?.at ?? '', layout) === 'node';
	return { a, b, control: bothNodes && hops[from].at !== hops[from + 1]?.at ? arcControl(a, b, layout.scale) : null, route: null };
}

/** The point a fraction t of the way along a segment. */
export function pointOn(geometry: SegmentGeometry, t: number): Point {
	return geometry.route !== null ? alongRoute(geometry.route, t).point : along(geometry.a, geometry.b, t, geometry.control);
}

/** A segment as points to draw it through: the route's, or the arc sampled, or its two ends. */
export function segmentPoints(geometry: SegmentGeometry): Point[] {
	if (geometry.route !== null) {
		return geometry.route;
	}
	const control = geometry.control;
	return control === null ? [geometry.a, geometry.b] : Array.from({ length: 13 }, (_, i) => along(geometry.a, geometry.b, i / 12, control));
}

/** The point a fraction t of the way along a polyline, and the direction of the stretch it is on. */
export function alongRoute(points: readonly Point[], t: number): { point: Point; from: Point; to: Point } {
	const lengths = points.slice(1).map((point, i) => Math.hypot(point.x - points[i].x, point.y - points[i].y));
	const total = lengths.reduce((sum, length) => sum + length, 0);
	let left = Math.max(0, Math.min(1, t)) * total;
	for (let i = 0; i < lengths.length; i++) {
		if (left <= lengths[i] || i === lengths.length - 1) {
			const u = lengths[i] === 0 ? 0 : Math.min(1, left / lengths[i]);
			return { point: along(points[i], points[i + 1], u, null), from: points[i], to: points[i + 1] };
		}
		left -= lengths[i];
	}
	return { point: points[0], from: points[0], to: points[0] };
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
	const reply = flight.hops[position.from].direction === 'reply' && flight.hops[position.from + 1]?.direction === 'reply';
	if (geometry.route !== null) {
		const on = alongRoute(geometry.route, position.t);
		return { point: reply ? lane(on.point, on.from, on.to, 6 * layout.scale) : on.point, hop: position.from, position };
	}
	const point = along(geometry.a, geometry.b, position.t, geometry.control);
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
	// NLB ip targets probe pods, so the tag goes to the pod; it travels the LB's route, and its answer rests where
	// the route enters the node (or pod), beside the node it is about
	const route = lbRoute('lb', probe.pod ?? probe.node, layout);
	if (route === null || phase.state === 'waiting' || phase.state === 'done') {
		return null;
	}
	// the rail point above the node: three points from the end of a node's route, four of a pod's
	const rest = fractionAt(route, Math.max(0, route.length - (probe.pod === null ? 3 : 4)));
	switch (phase.state) {
		case 'asking':
			return { point: alongRoute(route, phase.t * rest).point, answering: false, answered: false };
		case 'answering':
			return { point: alongRoute(route, rest).point, answering: true, answered: false };
		case 'answered':
			return { point: alongRoute(route, rest).point, answering: true, answered: true };
	}
}

/** How far along a route (0 to 1) its point {@code index} is. */
function fractionAt(route: readonly Point[], index: number): number {
	const lengths = route.slice(1).map((point, i) => Math.hypot(point.x - route[i].x, point.y - route[i].y));
	const total = lengths.reduce((sum, length) => sum + length, 0);
	return total === 0 ? 1 : lengths.slice(0, index).reduce((sum, length) => sum + length, 0) / total;
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
