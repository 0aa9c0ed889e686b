// Where everything sits on the canvas (CSS pixels), computed from the scene's clients, nodes and pods and the canvas
// width. Pure: the renderer draws it, the input modules hit-test it. Wide canvases flow left to right (clients → load
// balancer → nodes); narrow ones (phones) top to bottom.

export interface Point {
	x: number;
	y: number;
}

export interface Rect {
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface NodeBox {
	name: string;
	rect: Rect;
	badge: Rect;
	menu: Rect;
	proxy: Rect;
	/** Where packets enter and leave the node: kube-proxy. */
	anchor: Point;
	pods: Rect;
}

export interface PodBox {
	name: string;
	node: string | null;
	rect: Rect;
	center: Point;
}

export interface Layout {
	width: number;
	height: number;
	orientation: 'wide' | 'tall';
	/** Text and shapes scale with the canvas: 1 at about 1200 px wide. */
	scale: number;
	banner: Rect;
	clients: Map<string, { rect: Rect; anchor: Point }>;
	lb: { rect: Rect; anchor: Point };
	nodes: Map<string, NodeBox>;
	pods: Map<string, PodBox>;
	pending: Rect | null;
	/**
	 * The way from the load balancer to each node's kube-proxy: out of the LB, along a trunk beside the nodes, a rail
	 * in the gap above the node's row, and down into the node, so that no link crosses another node. Routes share
	 * their points where they run together (the links draw those stretches once, as wide as the traffic they carry).
	 */
	routes: Map<string, Point[]>;
}

export interface LayoutInput {
	width: number;
	clientIps: readonly string[];
	nodes: readonly { name: string }[];
	pods: readonly { name: string; node: string | null }[];
}

export const TALL_BELOW = 720;

export function computeLayout(input: LayoutInput): Layout {
	return input.width < TALL_BELOW ? tallLayout(input) : wideLayout(input);
}

/** Nodes per row for n nodes in the space available. */
export function nodeColumns(count: number, orientation: 'wide' | 'tall', width: number): number {
	if (orientation === 'tall') {
		return width < 520 ? 1 : 2;
	}
	if (count <= 3) {
		return Math.max(1, count);
	}
	if (count === 4) {
		return 2;
	}
	return count <= 6 ? 3 : count <= 12 ? 4 : 5;
}

interface PodGrid {
	columns: number;
	rows: number;
	podW: number;
	podH: number;
}

/** Pods per row and their size; crowded nodes (more than three rows) get compact one-line pods. */
function podGrid(input: LayoutInput, innerWidth: number, s: number, minPodWidth: number): PodGrid {
	const counts = new Map<string, number>();
	for (const pod of input.pods) {
		if (pod.node !== null) {
			counts.set(pod.node, (counts.get(pod.node) ?? 0) + 1);
		}
	}
	const most = Math.max(1, ...counts.values());
	const grid = (width: number, podH: number): PodGrid => {
		const columns = Math.max(1, Math.floor((innerWidth + 6 * s) / (width * s + 6 * s)));
		const podW = (innerWidth - (columns - 1) * 6 * s) / columns;
		return { columns, rows: Math.ceil(most / columns), podW, podH };
	};
	// roomy pods have three lines (name and share, IP and state, the address they see) over their share bar
	const roomy = grid(minPodWidth, 56 * s);
	return roomy.rows <= 3 ? roomy : grid(Math.min(minPodWidth, 92), 24 * s);
}

/** The lane down a node's left edge where packets come in, beside its name and badges. */
export const DOOR = 12;

/** The gap between rows of nodes (and above the first): the rail to the nodes of a row runs in it. */
const ROW_GAP = 24;

function placeNodes(input: LayoutInput, area: Rect, columns: number, s: number, layout: Layout, minHeight = 0): number {
	const gap = 14 * s;
	const rowGap = ROW_GAP * s;
	const nodeW = (area.w - (columns - 1) * gap) / columns;
	const pad = 8 * s;
	const grid = podGrid(input, nodeW - 2 * pad, s, layout.orientation === 'tall' ? 130 : 112);
	const headerH = 64 * s;
	const proxyH = 24 * s;
	const rowCount = Math.max(1, Math.ceil(input.nodes.length / columns));
	// each row of nodes is as tall as its fullest node needs (one row of pods at least, a place to drop one)
	const podRows = (node: { name: string }): number =>
		Math.max(1, Math.ceil(input.pods.filter((pod) => pod.node === node.name).length / grid.columns));
	const needed = (rows: number): number => headerH + proxyH + 8 * s + rows * grid.podH + (rows - 1) * 6 * s + pad;
	const rowHeights = Array.from({ length: rowCount }, (_, row) => Math.max(
		needed(Math.max(...input.nodes.slice(row * columns, (row + 1) * columns).map(podRows), 1)),
		(minHeight - (rowCount - 1) * rowGap) / rowCount));
	const rowTops = rowHeights.map((_, row) => area.y + rowHeights.slice(0, row).reduce((sum, h) => sum + h + rowGap, 0));
	input.nodes.forEach((node, index) => {
		const row = Math.floor(index / columns);
		const nodeH = rowHeights[row];
		const x = area.x + (index % columns) * (nodeW + gap);
		const y = rowTops[row];
		const rect = { x, y, w: nodeW, h: nodeH };
		const proxy = { x: x + pad, y: y + headerH, w: nodeW - 2 * pad, h: proxyH };
		const pods = { x: x + pad, y: proxy.y + proxyH + 8 * s, w: nodeW - 2 * pad, h: nodeH - headerH - proxyH - 8 * s - pad };
		const menuSize = 26 * s;
		// packets come in down a lane along the node's left edge (DOOR wide) to kube-proxy, beside the node's text
		const door = DOOR * s;
		layout.nodes.set(node.name, {
			name: node.name,
			rect,
			badge: { x: x + pad + door, y: y + 34 * s, w: nodeW - 2 * pad - door, h: 24 * s },
			menu: { x: x + nodeW - menuSize - 6 * s, y: y + 7 * s, w: menuSize, h: menuSize },
			proxy,
			anchor: { x: proxy.x + door / 2, y: proxy.y + proxyH / 2 },
			pods,
		});
		const onNode = input.pods.filter((pod) => pod.node === node.name);
		onNode.forEach((pod, i) => {
			const px = pods.x + (i % grid.columns) * (grid.podW + 6 * s);
			const py = pods.y + Math.floor(i / grid.columns) * (grid.podH + 6 * s);
			placePod(layout, pod, { x: px, y: py, w: grid.podW, h: grid.podH }, s);
		});
	});
	return rowHeights.reduce((sum, h) => sum + h, 0) + (rowCount - 1) * rowGap;
}

/** The routes from the LB's exit to every node (see Layout.routes); the trunk runs down x = trunkX. */
function routeNodes(layout: Layout, exit: Point, trunkX: number): void {
	const s = layout.scale;
	const boxes = [...layout.nodes.values()];
	const rails = [...new Set(boxes.map((box) => box.rect.y))].sort((a, b) => a - b).map((top) => top - (ROW_GAP / 2) * s);
	for (const box of boxes) {
		const rail = box.rect.y - (ROW_GAP / 2) * s;
		const points: Point[] = [exit, { x: trunkX, y: exit.y }];
		const passed = rails.filter((y) => (rail < exit.y ? y < exit.y && y > rail : y > exit.y && y < rail));
		(rail < exit.y ? passed.sort((a, b) => b - a) : passed).forEach((y) => points.push({ x: trunkX, y }));
		points.push({ x: trunkX, y: rail });
		const before = boxes.filter((other) => other.rect.y === box.rect.y && other.anchor.x < box.anchor.x);
		before.sort((a, b) => a.anchor.x - b.anchor.x).forEach((other) => points.push({ x: other.anchor.x, y: rail }));
		points.push({ x: box.anchor.x, y: rail }, { x: box.anchor.x, y: box.rect.y }, box.anchor);
		layout.routes.set(box.name, points.filter((point, i) => i === 0 || point.x !== points[i - 1].x || point.y !== points[i - 1].y));
	}
}

function placePod(layout: Layout, pod: { name: string; node: string | null }, rect: Rect, s: number): void {
	// Packets arrive at the right end of a roomy pod's third line, or the middle of a compact one: no text there
	const roomy = rect.h >= 50 * s;
	layout.pods.set(pod.name, {
		name: pod.name, node: pod.node, rect,
		center: roomy ? { x: rect.x + rect.w - 14 * s, y: rect.y + 41 * s } : { x: rect.x + rect.w * 0.62, y: rect.y + rect.h / 2 },
	});
}

function placePending(input: LayoutInput, layout: Layout, area: Rect, s: number): number {
	const pending = input.pods.filter((pod) => pod.node === null);
	if (pending.length === 0) {
		return 0;
	}
	const podW = 112 * s;
	const podH = 42 * s;
	const pad = 8 * s;
	const labelH = 22 * s;
	const columns = Math.max(1, Math.floor((area.w - 2 * pad + 6 * s) / (podW + 6 * s)));
	const rows = Math.ceil(pending.length / columns);
	const h = labelH + rows * podH + (rows - 1) * 6 * s + pad;
	layout.pending = { x: area.x, y: area.y, w: area.w, h };
	pending.forEach((pod, i) => {
		placePod(layout, pod, {
			x: area.x + pad + (i % columns) * (podW + 6 * s),
			y: area.y + labelH + Math.floor(i / columns) * (podH + 6 * s),
			w: podW,
			h: podH,
		}, s);
	});
	return h;
}

/** Per orientation: the scale (the canvas' width over perWidth, clamped), and the margin and banner height at scale 1. */
const FRAMES = {
	wide: { perWidth: 1200, minScale: 0.85, maxScale: 3.2, margin: 16, bannerH: 30 },
	tall: { perWidth: 440, minScale: 0.8, maxScale: 1.25, margin: 10, bannerH: 44 },
} as const;

/** A layout with nothing placed but the banner, across the top inside the margin; s is its scale, m its margin. */
function framedLayout(width: number, orientation: 'wide' | 'tall'): { layout: Layout; s: number; m: number } {
	const frame = FRAMES[orientation];
	const s = Math.min(frame.maxScale, Math.max(frame.minScale, width / frame.perWidth));
	const m = frame.margin * s;
	const layout: Layout = {
		width, height: 0, orientation, scale: s, banner: { x: m, y: m, w: width - 2 * m, h: frame.bannerH * s },
		clients: new Map(), lb: { rect: { x: 0, y: 0, w: 0, h: 0 }, anchor: { x: 0, y: 0 } }, nodes: new Map(),
		pods: new Map(), pending: null, routes: new Map(),
	};
	return { layout, s, m };
}

function wideLayout(input: LayoutInput): Layout {
	const width = input.width;
	const { layout, s, m } = framedLayout(width, 'wide');
	const top = layout.banner.y + layout.banner.h + (8 + ROW_GAP) * s;
	const clientW = 148 * s;
	const lbW = 164 * s;
	const nodesX = m + clientW + 44 * s + lbW + 56 * s;
	const area = { x: nodesX, y: top, w: width - m - nodesX, h: 0 };
	const nodesH = placeNodes(input, area, nodeColumns(input.nodes.length, 'wide', width), s, layout, 300 * s);
	const pendingH = placePending(input, layout, { x: nodesX, y: top + nodesH + 14 * s, w: area.w, h: 0 }, s);
	const clientH = 40 * s;
	const clientGap = 14 * s;
	const clientsH = input.clientIps.length * clientH + Math.max(0, input.clientIps.length - 1) * clientGap;
	const lbH = 104 * s;
	const contentH = Math.max(nodesH + (pendingH > 0 ? pendingH + 14 * s : 0), clientsH + 40 * s, lbH + 40 * s, 300 * s);
	const middle = top + Math.max(nodesH, 300 * s) / 2;
	input.clientIps.forEach((ip, i) => {
		const rect = { x: m, y: middle - clientsH / 2 + i * (clientH + clientGap), w: clientW, h: clientH };
		layout.clients.set(ip, { rect, anchor: { x: rect.x + rect.w, y: rect.y + rect.h / 2 } });
	});
	const lbRect = { x: m + clientW + 44 * s, y: middle - lbH / 2, w: lbW, h: lbH };
	layout.lb = { rect: lbRect, anchor: { x: lbRect.x + lbRect.w / 2, y: lbRect.y + lbRect.h / 2 } };
	routeNodes(layout, { x: lbRect.x + lbRect.w, y: lbRect.y + lbRect.h / 2 }, nodesX - 24 * s);
	layout.height = Math.ceil(top + contentH + m);
	return layout;
}

function tallLayout(input: LayoutInput): Layout {
	const width = input.width;
	const { layout, s, m } = framedLayout(width, 'tall');
	let y = layout.banner.y + layout.banner.h + 10 * s;
	const n = Math.max(1, input.clientIps.length);
	const gap = 8 * s;
	const clientW = (width - 2 * m - (n - 1) * gap) / n;
	const clientH = 38 * s;
	input.clientIps.forEach((ip, i) => {
		const rect = { x: m + i * (clientW + gap), y, w: clientW, h: clientH };
		layout.clients.set(ip, { rect, anchor: { x: rect.x + rect.w / 2, y: rect.y + rect.h } });
	});
	y += clientH + 26 * s;
	const lbRect = { x: m, y, w: width - 2 * m, h: 50 * s };
	layout.lb = { rect: lbRect, anchor: { x: lbRect.x + lbRect.w / 2, y: lbRect.y + lbRect.h / 2 } };
	y += lbRect.h + ROW_GAP * s;
	// a lane left of the nodes for the trunk down to the lower rows
	const lane = 12 * s;
	const area = { x: m + lane, y, w: width - 2 * m - lane, h: 0 };
	y += placeNodes(input, area, nodeColumns(input.nodes.length, 'tall', width), s, layout);
	routeNodes(layout, { x: m + lane / 2, y: lbRect.y + lbRect.h }, m + lane / 2);
	const pendingH = placePending(input, layout, { x: m, y: y + 12 * s, w: width - 2 * m, h: 0 }, s);
	y += pendingH > 0 ? pendingH + 12 * s : 0;
	layout.height = Math.ceil(y + m);
	return layout;
}

/** A key that changes whenever the layout would: the canvas width and who sits where. */
export function layoutKey(input: LayoutInput): string {
	return [
		Math.round(input.width),
		input.clientIps.join(','),
		input.nodes.map((node) => node.name).join(','),
		input.pods.map((pod) => `${pod.name}@${pod.node ?? ''}`).join(','),
	].join('|');
}

export function contains(rect: Rect, point: Point): boolean {
	return point.x >= rect.x && point.x <= rect.x + rect.w && point.y >= rect.y && point.y <= rect.y + rect.h;
}
