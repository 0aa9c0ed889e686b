// "Follow one connection" on the canvas: the followed packet on its own slow clock, the path it has taken, and a
// callout beside it with the hop's source and destination before and after the rewrite and the reason; the rest of
// the traffic is dimmed meanwhile. Waiting for the connection, a note says whose connection is awaited.
import type { Layout, Point, Rect } from '../../scene/layout';
import { followPosition, type FollowState } from '../../scene/follow';
import { hopWords } from '../../scene/hopWords';
import { anchorOf, hopSegment, pointOn, segmentPoints } from '../../scene/paths';
import type { Scene } from '../../scene/scene';
import type { ViewState } from '../../scene/view';
import type { Box, LabelBoard } from '../labelBoard';
import { clientColour, font, THEME } from '../theme';
import { pill, plateLines, roundRect, wrap, type PlateLine } from './shapes';

/** The rest of the traffic's opacity while a connection is followed. */
export const DIMMED_TRAFFIC = 0.22;

export function trafficAlpha(view: ViewState): number {
	return view.follow?.phase === 'following' ? DIMMED_TRAFFIC : 1;
}

interface Line {
	/** Longest first; each keeps the meaning (addresses are never cut, only their ports dropped). */
	variants: string[];
	kind: 'name' | 'address';
	font: string;
}

type Following = Extract<FollowState, { phase: 'following' }>;

/** The followed connection and where its packet is now, or null when none is followed or it is off the canvas. */
function followed(scene: Scene, layout: Layout, view: ViewState): { follow: Following; point: Point; colour: string } | null {
	const follow = view.follow;
	if (follow === undefined || follow === null || follow.phase !== 'following') {
		return null;
	}
	const position = followPosition(follow, scene.reducedMotion);
	const point = position === null ? null : packetAt(layout, follow, position.from, position.to, position.t);
	return point === null ? null : { follow, point, colour: clientColour(Math.max(0, scene.clientIps.indexOf(follow.client))) };
}

/** The followed packet and the path it has taken: with the other packets, under every text. */
export function drawFollowedPacket(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout, view: ViewState): void {
	const at = followed(scene, layout, view);
	if (at !== null) {
		drawTrail(ctx, layout, at.follow, at.colour);
		drawPacket(ctx, at.point, layout.scale, at.colour, at.follow.hops[at.follow.hop].direction === 'reply');
	}
}

/**
 * The follow layer's text: the callout, or the note while waiting. It goes on the board before the moving labels,
 * which then keep off it, where no text is (the board's free places), preferring places that cover no box with a name.
 */
export function drawFollow(board: LabelBoard, scene: Scene, layout: Layout, view: ViewState): void {
	const follow = view.follow;
	if (follow?.phase === 'waiting') {
		drawWaiting(board, scene, layout, follow);
		return;
	}
	const at = followed(scene, layout, view);
	if (at === null) {
		return;
	}
	const { point, colour } = at;
	const s = layout.scale;
	const hop = at.follow.hops[at.follow.hop];
	const { connection, hops } = at.follow;
	const words = hopWords(hop, at.follow.hop, hops.length, connection);
	const lines: Line[] = [
		{ variants: [words.heading, `#${connection} · ${at.follow.hop + 1}/${hops.length} · ${hop.at}`], kind: 'name', font: font(11.5, s, 700) },
		{ variants: [words.source, words.sourceShort], kind: 'address', font: font(11, s, 600, true) },
		{ variants: [words.destination, words.destinationShort], kind: 'address', font: font(11, s, 600, true) },
	];
	drawCallout(board, layout, point, lines, words.reason, colour);
}

/** The followed packet's place: along the line (or the arc between two nodes) from one hop to the next. */
function packetAt(layout: Layout, follow: Following, from: number, to: number, t: number): Point | null {
	if (from === to) {
		return anchorOf(follow.hops[from].at, layout);
	}
	const geometry = hopSegment(follow.hops, from, layout);
	return geometry === null ? anchorOf(follow.hops[from].at, layout) ?? anchorOf(follow.hops[to].at, layout) : pointOn(geometry, t);
}

/** The hops taken so far, along the ways packets take, as a line in the client's colour. */
function drawTrail(ctx: CanvasRenderingContext2D, layout: Layout, follow: Following, colour: string): void {
	const s = layout.scale;
	ctx.save();
	ctx.strokeStyle = colour;
	ctx.globalAlpha = 0.55;
	ctx.lineWidth = 3 * s;
	ctx.lineCap = 'round';
	ctx.lineJoin = 'round';
	ctx.setLineDash([7 * s, 5 * s]);
	ctx.beginPath();
	for (let i = 0; i < follow.hop; i++) {
		const geometry = hopSegment(follow.hops, i, layout);
		if (geometry === null) {
			continue;
		}
		segmentPoints(geometry).forEach((point, j) => (j === 0 ? ctx.moveTo(point.x, point.y) : ctx.lineTo(point.x, point.y)));
	}
	ctx.stroke();
	ctx.restore();
}

function drawPacket(ctx: CanvasRenderingContext2D, point: Point, s: number, colour: string, reply: boolean): void {
	const r = 6 * s;
	ctx.beginPath();
	ctx.arc(point.x, point.y, r + 4.5 * s, 0, Math.PI * 2);
	ctx.strokeStyle = THEME.focus;
	ctx.lineWidth = 2.5 * s;
	ctx.stroke();
	ctx.beginPath();
	if (reply) {
		ctx.moveTo(point.x, point.y - r * 1.25);
		ctx.lineTo(point.x + r * 1.25, point.y);
		ctx.lineTo(point.x, point.y + r * 1.25);
		ctx.lineTo(point.x - r * 1.25, point.y);
		ctx.closePath();
	}
	else {
		ctx.arc(point.x, point.y, r, 0, Math.PI * 2);
	}
	ctx.fillStyle = colour;
	ctx.fill();
}

/** What the callout must not cover: the names and addresses of clients, the load balancer, nodes and pods. */
export function namedBoxes(layout: Layout): Rect[] {
	const boxes: Rect[] = [layout.banner, layout.lb.rect];
	for (const client of layout.clients.values()) {
		boxes.push(client.rect);
	}
	for (const node of layout.nodes.values()) {
		boxes.push({ x: node.rect.x, y: node.rect.y, w: node.rect.w, h: node.proxy.y + node.proxy.h - node.rect.y });
	}
	for (const pod of layout.pods.values()) {
		boxes.push(pod.rect);
	}
	return boxes;
}

function overlap(a: Rect, b: Rect): number {
	const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where a box of this size goes: the first candidate beside the point, then in the canvas's corners, that covers
 * no name; else the one that covers the least. Always inside the canvas.
 */
export function placeCallout(layout: Layout, point: Point, w: number, h: number, avoid: readonly Rect[],
	free: (box: Box) => boolean = () => true): Rect {
	const s = layout.scale;
	const gap = 16 * s;
	const m = 4 * s;
	// Beside the packet; then further down or up in its column (a node's empty space under its pods); then the corners
	const column: Rect[] = [];
	for (let dy = 2 * gap; dy < layout.height; dy += gap) {
		for (const x of [point.x - w / 2, point.x + gap, point.x - w - gap]) {
			column.push({ x, y: point.y + dy, w, h }, { x, y: point.y - h - dy, w, h });
		}
	}
	const candidates: Rect[] = [
		{ x: point.x + gap, y: point.y - h - gap, w, h },
		{ x: point.x - w - gap, y: point.y - h - gap, w, h },
		{ x: point.x + gap, y: point.y + gap, w, h },
		{ x: point.x - w - gap, y: point.y + gap, w, h },
		...column,
		{ x: m, y: layout.height - h - m, w, h },
		{ x: layout.width - w - m, y: layout.height - h - m, w, h },
		{ x: m, y: layout.banner.y + layout.banner.h + m, w, h },
	].map((box) => ({
		...box,
		x: Math.max(m, Math.min(box.x, layout.width - w - m)),
		y: Math.max(m, Math.min(box.y, layout.height - h - m)),
	}));
	const packet = { x: point.x - 12 * s, y: point.y - 12 * s, w: 24 * s, h: 24 * s };
	let best = candidates[0];
	let bestCost = Number.POSITIVE_INFINITY;
	for (const box of candidates) {
		// Over text (the board says) only when every place is: then the least covered
		const cost = avoid.reduce((sum, rect) => sum + overlap(box, rect), 0) + 4 * overlap(box, packet)
			+ (free({ x: box.x, y: box.y, width: box.w, height: box.h }) ? 0 : 1e9);
		if (cost === 0) {
			return box;
		}
		if (cost < bestCost) {
			bestCost = cost;
			best = box;
		}
	}
	return best;
}

function drawCallout(board: LabelBoard, layout: Layout, point: Point, lines: Line[], reason: string, colour: string): void {
	const ctx = board.ctx;
	const s = layout.scale;
	const pad = 8 * s;
	const lineH = 15 * s;
	const maxW = Math.min(400 * s, layout.width - 8 * s);
	// The longest wording of each line that fits
	const chosen = lines.map((line) => {
		ctx.font = line.font;
		const text = line.variants.find((variant) => ctx.measureText(variant).width <= maxW - 2 * pad)
			?? line.variants[line.variants.length - 1];
		return { line, text, width: ctx.measureText(text).width };
	});
	const reasonFont = font(10.5, s, 500);
	ctx.font = reasonFont;
	const contentW = Math.min(maxW - 2 * pad, Math.max(220 * s, ...chosen.map((line) => line.width)));
	const reasonLines = wrap(ctx, reason, contentW, 3);
	const w = contentW + 2 * pad;
	const h = (chosen.length + reasonLines.length) * lineH + 2 * pad;
	const box = placeCallout(layout, point, w, h, namedBoxes(layout), (candidate) => board.free(candidate));
	// The connector from the callout to the packet
	const edge = { x: Math.max(box.x, Math.min(point.x, box.x + box.w)), y: Math.max(box.y, Math.min(point.y, box.y + box.h)) };
	ctx.beginPath();
	ctx.moveTo(edge.x, edge.y);
	ctx.lineTo(point.x, point.y);
	ctx.strokeStyle = THEME.focus;
	ctx.lineWidth = 1.5 * s;
	ctx.stroke();
	roundRect(ctx, box, 6 * s);
	ctx.fillStyle = '#fffdf5';
	ctx.fill();
	ctx.strokeStyle = THEME.focus;
	ctx.lineWidth = 2 * s;
	ctx.stroke();
	ctx.fillStyle = colour;
	ctx.fillRect(box.x, box.y + 6 * s, 3 * s, box.h - 12 * s);
	const written: PlateLine[] = [
		...chosen.map(({ line, text }) => ({ text, full: line.variants[0], kind: line.kind, font: line.font, colour: THEME.text })),
		...reasonLines.map((text) => ({ text, full: reason, kind: 'prose' as const, font: reasonFont, colour: THEME.muted })),
	];
	plateLines(board, { x: box.x, y: box.y, width: box.w, height: box.h }, written, pad, lineH);
}

function drawWaiting(board: LabelBoard, scene: Scene, layout: Layout,
	follow: Extract<FollowState, { phase: 'waiting' }>): void {
	const s = layout.scale;
	const from = follow.client === null ? 'any client' : follow.client;
	const variants = scene.paused
		? [`Following the next connection from ${from}: paused, press Play · Esc stops`, `Next connection from ${from}: press Play`]
		: [`Following the next connection from ${from}… · Esc stops`, `Next connection from ${from}…`];
	const client = follow.client === null ? null : layout.clients.get(follow.client);
	const point = client?.anchor ?? layout.lb.anchor;
	const fontSpec = font(11.5, s, 700);
	board.ctx.font = fontSpec;
	const h = 22 * s;
	const w = Math.min(board.ctx.measureText(variants[0]).width + 0.76 * h, layout.width - 8 * s);
	const box = placeCallout(layout, point, w, h, namedBoxes(layout), (candidate) => board.free(candidate));
	pill(board, { font: fontSpec, variants, kind: 'address', x: box.x, y: box.y, h, maxWidth: layout.width - 8 * s, force: true },
		{ fill: '#fffdf5', stroke: THEME.focus, text: THEME.text, dash: [4 * s, 3 * s] });
}
