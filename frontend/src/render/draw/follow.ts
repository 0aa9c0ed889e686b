// "Follow one connection" on the canvas: the followed packet on its own slow clock, the path it has taken, and a
// callout beside it with the hop's source and destination before and after the rewrite and the reason; the rest of
// the traffic is dimmed meanwhile. Waiting for the connection, a note says whose connection is awaited.
import type { Layout, Point, Rect } from '../../scene/layout';
import { followPosition, type FollowState } from '../../scene/follow';
import { hopWords } from '../../scene/hopWords';
import { along, anchorOf, arcControl, placeKind } from '../../scene/paths';
import type { Scene } from '../../scene/scene';
import type { ViewState } from '../../scene/view';
import { clientColour, font, THEME } from '../theme';
import { fit, roundRect } from './shapes';

/** The rest of the traffic's opacity while a connection is followed. */
export const DIMMED_TRAFFIC = 0.22;

export function trafficAlpha(view: ViewState): number {
	return view.follow?.phase === 'following' ? DIMMED_TRAFFIC : 1;
}

type Kind = 'name' | 'address' | 'prose';

interface Line {
	/** Longest first; each keeps the meaning (addresses are never cut, only their ports dropped). */
	variants: string[];
	kind: Kind;
	font: string;
}

export function drawFollow(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout, view: ViewState): void {
	const follow = view.follow;
	if (follow === undefined || follow === null) {
		return;
	}
	if (follow.phase === 'waiting') {
		drawWaiting(ctx, scene, layout, follow);
		return;
	}
	const position = followPosition(follow, scene.reducedMotion);
	if (position === null) {
		return;
	}
	const s = layout.scale;
	const colour = clientColour(Math.max(0, scene.clientIps.indexOf(follow.client)));
	drawTrail(ctx, layout, follow, colour);
	const point = packetAt(layout, follow, position.from, position.to, position.t);
	if (point === null) {
		return;
	}
	const hop = follow.hops[follow.hop];
	const reply = hop.direction === 'reply';
	drawPacket(ctx, point, s, colour, reply);
	const words = hopWords(hop, follow.hop, follow.hops.length, follow.connection);
	const lines: Line[] = [
		{ variants: [words.heading, `#${follow.connection} · ${follow.hop + 1}/${follow.hops.length} · ${hop.at}`], kind: 'name', font: font(11.5, s, 700) },
		{ variants: [words.source, words.sourceShort], kind: 'address', font: font(11, s, 600, true) },
		{ variants: [words.destination, words.destinationShort], kind: 'address', font: font(11, s, 600, true) },
	];
	drawCallout(ctx, layout, point, lines, words.reason, colour);
}

/** The followed packet's place: along the line (or the arc between two nodes) from one hop to the next. */
function packetAt(layout: Layout, follow: Extract<FollowState, { phase: 'following' }>, from: number, to: number,
	t: number): Point | null {
	const a = anchorOf(follow.hops[from].at, layout);
	const b = anchorOf(follow.hops[to].at, layout);
	if (a === null || b === null) {
		return a ?? b;
	}
	const bothNodes = from !== to && placeKind(follow.hops[from].at, layout) === 'node'
		&& placeKind(follow.hops[to].at, layout) === 'node' && follow.hops[from].at !== follow.hops[to].at;
	return along(a, b, t, bothNodes ? arcControl(a, b, layout.scale) : null);
}

/** The hops taken so far, as a line in the client's colour. */
function drawTrail(ctx: CanvasRenderingContext2D, layout: Layout, follow: Extract<FollowState, { phase: 'following' }>,
	colour: string): void {
	const s = layout.scale;
	ctx.save();
	ctx.strokeStyle = colour;
	ctx.globalAlpha = 0.55;
	ctx.lineWidth = 3 * s;
	ctx.lineCap = 'round';
	ctx.setLineDash([7 * s, 5 * s]);
	ctx.beginPath();
	let started = false;
	for (let i = 0; i <= follow.hop; i++) {
		const point = anchorOf(follow.hops[i].at, layout);
		if (point === null) {
			continue;
		}
		if (started) {
			ctx.lineTo(point.x, point.y);
		}
		else {
			ctx.moveTo(point.x, point.y);
			started = true;
		}
	}
	ctx.stroke();
	ctx.restore();
}

function drawPacket(ctx: CanvasRenderingContext2D, point: Point, s: number, colour: string, reply: boolean): void {
	const r = 7 * s;
	ctx.beginPath();
	ctx.arc(point.x, point.y, r + 6 * s, 0, Math.PI * 2);
	ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
	ctx.fill();
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
export function placeCallout(layout: Layout, point: Point, w: number, h: number, avoid: readonly Rect[]): Rect {
	const s = layout.scale;
	const gap = 16 * s;
	const m = 4 * s;
	const candidates: Rect[] = [
		{ x: point.x + gap, y: point.y - h - gap, w, h },
		{ x: point.x - w - gap, y: point.y - h - gap, w, h },
		{ x: point.x + gap, y: point.y + gap, w, h },
		{ x: point.x - w - gap, y: point.y + gap, w, h },
		{ x: point.x - w / 2, y: point.y - h - 2 * gap, w, h },
		{ x: point.x - w / 2, y: point.y + 2 * gap, w, h },
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
		const cost = avoid.reduce((sum, rect) => sum + overlap(box, rect), 0) + 4 * overlap(box, packet);
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

/** The reason in at most {@code maxLines} lines of this width, the last one ending in … when cut. */
export function wrapLines(measure: (text: string) => number, text: string, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	const words = text.split(/\s+/).filter((word) => word !== '');
	for (let i = 0; i < words.length; i++) {
		const candidate = line === '' ? words[i] : `${line} ${words[i]}`;
		if (measure(candidate) <= width || line === '') {
			line = candidate;
			continue;
		}
		lines.push(line);
		line = words[i];
		if (lines.length === maxLines) {
			lines[maxLines - 1] = `${lines[maxLines - 1]}…`;
			return lines;
		}
	}
	if (line !== '') {
		lines.push(line);
	}
	return lines;
}

function drawCallout(ctx: CanvasRenderingContext2D, layout: Layout, point: Point, lines: Line[], reason: string,
	colour: string): void {
	const s = layout.scale;
	const pad = 8 * s;
	const lineH = 15 * s;
	const maxW = Math.min(400 * s, layout.width - 8 * s);
	// The longest variant of each line that fits
	const chosen = lines.map((line) => {
		ctx.font = line.font;
		const text = line.variants.find((variant) => ctx.measureText(variant).width <= maxW - 2 * pad)
			?? line.variants[line.variants.length - 1];
		return { ...line, text, width: ctx.measureText(text).width };
	});
	const reasonFont = font(10.5, s, 500);
	ctx.font = reasonFont;
	const contentW = Math.min(maxW - 2 * pad, Math.max(220 * s, ...chosen.map((line) => line.width)));
	const reasonLines = wrapLines((text) => ctx.measureText(text).width, reason, contentW, 3);
	const w = contentW + 2 * pad;
	const h = (chosen.length + reasonLines.length) * lineH + 2 * pad - 2 * s;
	const box = placeCallout(layout, point, w, h, namedBoxes(layout));
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
	let y = box.y + pad + lineH / 2;
	for (const line of chosen) {
		ctx.font = line.font;
		ctx.fillStyle = THEME.text;
		writeText(ctx, { text: line.text, full: line.variants[0], kind: line.kind }, box.x + pad, y, contentW);
		y += lineH;
	}
	ctx.font = reasonFont;
	ctx.fillStyle = THEME.muted;
	for (const line of reasonLines) {
		writeText(ctx, { text: line, full: reason, kind: 'prose' }, box.x + pad, y, contentW);
		y += lineH;
	}
}

function drawWaiting(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout,
	follow: Extract<FollowState, { phase: 'waiting' }>): void {
	const s = layout.scale;
	const from = follow.client === null ? 'any client' : follow.client;
	const text = scene.paused
		? `Following the next connection from ${from}: paused, press Play · Esc stops`
		: `Following the next connection from ${from}… · Esc stops`;
	const client = follow.client === null ? null : layout.clients.get(follow.client);
	const point = client?.anchor ?? layout.lb.anchor;
	ctx.font = font(11.5, s, 700);
	const pad = 8 * s;
	const w = Math.min(ctx.measureText(text).width + 2 * pad, layout.width - 8 * s);
	const h = 22 * s;
	const box = placeCallout(layout, point, w, h, namedBoxes(layout));
	roundRect(ctx, box, h / 2);
	ctx.fillStyle = '#fffdf5';
	ctx.fill();
	ctx.setLineDash([4 * s, 3 * s]);
	ctx.strokeStyle = THEME.focus;
	ctx.lineWidth = 1.5 * s;
	ctx.stroke();
	ctx.setLineDash([]);
	ctx.fillStyle = THEME.text;
	writeText(ctx, { text, full: text, kind: 'prose' }, box.x + pad, box.y + h / 2, w - 2 * pad);
}

/**
 * Every text of the follow layer is written here, at (x, its line's middle), left-aligned: the one place that
 * changes when the canvas's label board takes over the text.
 */
function writeText(ctx: CanvasRenderingContext2D, label: { text: string; full: string; kind: Kind }, x: number, y: number,
	maxWidth: number): void {
	ctx.textAlign = 'left';
	ctx.textBaseline = 'middle';
	ctx.fillText(label.kind === 'prose' ? fit(ctx, label.text, maxWidth) : label.text, x, y);
}
