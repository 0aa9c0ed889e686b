// Everything in flight: packets (circle = request, diamond = reply; a dashed ring once SNAT has rewritten the
// source, with the new source in the label), the marks where packets are dropped (✕) or refused (⊘) with the reason,
// cut connections, and the LB's health-check probes with their answers and the count toward the threshold.
import { contains, type Layout, type Point } from '../../scene/layout';
import { hopTime, isSnatted, addressOf, rewritesSource, verdictHop, reachedHop } from '../../scene/packets';
import { densityOf, isDrawn } from '../../scene/density';
import { answerWords } from '../../scene/labels';
import { anchorOf, packetPoint, probePoint } from '../../scene/paths';
import { probeOf, type PacketFlight, type ProbeFlight, type ResetMark, type Scene } from '../../scene/scene';
import { clientColour, font, THEME } from '../theme';
import { cross, fit, haloText, pill, roundRect } from './shapes';

/** Label one connection in this many so that labels stay readable (about one new label a second). */
export function labelEvery(connectionsPerSecond: number, speed: number): number {
	return Math.max(1, Math.round(connectionsPerSecond * Math.max(speed, 1)));
}

const SNAT_FLASH_MS = 900;
const REASONS_SHOWN = 3;

interface FlightContext {
	ctx: CanvasRenderingContext2D;
	scene: Scene;
	layout: Layout;
	clientIndex: Map<string, number>;
	selected: number | null;
	hover: number | null;
	every: number;
}

/** Draws marks, packets and probes; returns a function that draws their labels (to be called last, on top). */
export function drawFlights(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout, selected: number | null,
	hover: number | null = null): () => void {
	// only a sample of the connections is drawn when they are many (scene/density.ts); labels go to the drawn ones
	const density = densityOf(scene, layout);
	const context: FlightContext = {
		ctx, scene, layout, selected, hover, clientIndex: new Map(scene.clientIps.map((ip, i) => [ip, i])),
		every: Math.max(1, Math.round(labelEvery(scene.connectionsPerSecond, scene.speed) / density.every)) * density.every,
	};
	const anim = scene.clock.anim;
	let reasons = 0;
	for (let i = scene.flights.length - 1; i >= 0; i--) {
		const flight = scene.flights[i];
		if (flight.kind === 'packet' && flight.outcome !== 'routed') {
			if (drawVerdictMark(context, flight, anim, reasons < REASONS_SHOWN)) {
				reasons++;
			}
		}
		else if (flight.kind === 'reset') {
			drawReset(context, flight, anim);
		}
	}
	const labels: (() => void)[] = [];
	for (const flight of scene.flights) {
		if (flight.kind === 'packet' && isDrawn(flight, density, { selected, hover }, scene)) {
			drawPacket(context, flight, anim, labels);
		}
	}
	return () => {
		for (const flight of scene.flights) {
			if (flight.kind === 'probe') {
				drawProbe(context, flight, anim);
			}
		}
		labels.forEach((label) => label());
	};
}

function drawPacket(context: FlightContext, flight: PacketFlight, anim: number, labels: (() => void)[]): void {
	const { ctx, layout, scene } = context;
	const at = packetPoint(flight, anim, layout, scene.reducedMotion);
	if (at === null || at.position.state === 'arrived') {
		return;
	}
	const s = layout.scale;
	const hop = flight.hops[at.hop];
	const reply = hop.direction === 'reply' && flight.hops[at.hop + 1]?.direction !== 'request';
	const snatted = isSnatted(flight, at.hop);
	const colour = clientColour(context.clientIndex.get(flight.clientIp) ?? 0);
	const r = 5 * s;
	const { x, y } = at.point;
	ctx.beginPath();
	if (reply) {
		ctx.moveTo(x, y - r * 1.25);
		ctx.lineTo(x + r * 1.25, y);
		ctx.lineTo(x, y + r * 1.25);
		ctx.lineTo(x - r * 1.25, y);
		ctx.closePath();
	}
	else {
		ctx.arc(x, y, r, 0, Math.PI * 2);
	}
	if (flight.outcome === 'rejected' && reply) {
		ctx.fillStyle = '#ffffff';
		ctx.fill();
		ctx.strokeStyle = colour;
		ctx.lineWidth = 2 * s;
		ctx.stroke();
	}
	else {
		ctx.fillStyle = colour;
		ctx.fill();
	}
	if (snatted) {
		ctx.beginPath();
		ctx.arc(x, y, r + 3.5 * s, 0, Math.PI * 2);
		ctx.setLineDash([2.5 * s, 2 * s]);
		ctx.strokeStyle = THEME.text;
		ctx.lineWidth = 1.4 * s;
		ctx.stroke();
		ctx.setLineDash([]);
	}
	const isSelected = context.selected === flight.id;
	if (isSelected) {
		ctx.beginPath();
		ctx.arc(x, y, r + 7 * s, 0, Math.PI * 2);
		ctx.strokeStyle = THEME.selection;
		ctx.lineWidth = 2.5 * s;
		ctx.stroke();
	}
	if (hidden(layout, at.point)) {
		return;
	}
	// A sample of the requests (about one a second) and the selected packet carry their source address, and show
	// the moment SNAT rewrites it
	if (isSelected || context.hover === flight.id || (!reply && flight.id % context.every === 0)) {
		const flash = snatFlash(flight, at.hop, anim);
		labels.push(() => drawPacketLabel(context, flight, at.hop, at.point, reply, snatted, flash));
	}
}

/** Inside a client or the load balancer, where packets pass under the box: no label there. */
function hidden(layout: Layout, point: Point): boolean {
	if (contains(layout.lb.rect, point)) {
		return true;
	}
	for (const client of layout.clients.values()) {
		if (contains(client.rect, point)) {
			return true;
		}
	}
	return false;
}

/** The hop where SNAT rewrote the source, while the rewrite is fresh. */
function snatFlash(flight: PacketFlight, hop: number, anim: number): number | null {
	const rewrite = flight.hops[hop];
	if (rewrite.direction !== 'request' || !rewritesSource(rewrite)) {
		return null;
	}
	return anim - hopTime(flight, hop) < SNAT_FLASH_MS ? hop : null;
}

function drawPacketLabel(context: FlightContext, flight: PacketFlight, hop: number, point: Point, reply: boolean,
	snatted: boolean, flash: number | null): void {
	const { ctx, layout } = context;
	const s = layout.scale;
	const source = addressOf(flight.hops[hop].srcAfter);
	ctx.font = font(10.5, s, snatted ? 700 : 500, true);
	ctx.fillStyle = THEME.text;
	ctx.textBaseline = 'bottom';
	ctx.textAlign = 'center';
	const text = snatted ? `src ${source} (SNAT)` : reply ? `reply from ${source}` : `src ${source}`;
	haloText(ctx, text, point.x, point.y - 9 * s, 3.5 * s);
	if (flash !== null) {
		const anchor = anchorOf(flight.hops[flash].at, layout);
		if (anchor !== null) {
			ctx.font = font(11, s, 700);
			ctx.fillStyle = THEME.text;
			const label = `SNAT: ${addressOf(flight.hops[flash].srcBefore)} → ${source}`;
			const w = ctx.measureText(label).width + 12 * s;
			const box = { x: anchor.x - w / 2, y: anchor.y - 34 * s, w, h: 18 * s };
			roundRect(ctx, box, 4 * s);
			ctx.fillStyle = '#fffbe6';
			ctx.fill();
			ctx.setLineDash([3 * s, 2 * s]);
			ctx.strokeStyle = THEME.text;
			ctx.lineWidth = 1.2 * s;
			ctx.stroke();
			ctx.setLineDash([]);
			ctx.fillStyle = THEME.text;
			ctx.textBaseline = 'middle';
			ctx.fillText(label, anchor.x, box.y + box.h / 2 + 0.5);
		}
	}
	ctx.textAlign = 'left';
}

/** ✕ where a packet was dropped, ⊘ where it was refused, with the reason for the newest few. */
function drawVerdictMark(context: FlightContext, flight: PacketFlight, anim: number, withReason: boolean): boolean {
	const { ctx, layout } = context;
	const s = layout.scale;
	const where = flight.hops[verdictHop(flight.hops, verdictPlace(flight))];
	const index = flight.hops.indexOf(where);
	if (reachedHop(flight, anim) < index) {
		return false;
	}
	const point = anchorOf(where.at, layout);
	if (point === null) {
		return false;
	}
	const x = point.x;
	const y = point.y - 16 * s;
	ctx.beginPath();
	ctx.arc(x, y, 8 * s, 0, Math.PI * 2);
	ctx.fillStyle = '#ffffff';
	ctx.fill();
	ctx.strokeStyle = THEME.fail;
	ctx.lineWidth = 2 * s;
	ctx.stroke();
	if (flight.outcome === 'dropped') {
		cross(ctx, x, y, 4 * s, THEME.fail, 2.2 * s);
	}
	else {
		ctx.beginPath();
		ctx.moveTo(x - 5.5 * s, y + 5.5 * s);
		ctx.lineTo(x + 5.5 * s, y - 5.5 * s);
		ctx.stroke();
	}
	if (withReason && flight.reason !== null) {
		const verb = flight.outcome === 'dropped' ? 'dropped' : 'refused';
		drawReason(ctx, `#${flight.id} ${verb}: ${flight.reason}`, x + 12 * s, y, s, layout.width);
	}
	return true;
}

function verdictPlace(flight: PacketFlight): string {
	const request = flight.hops.filter((hop) => hop.direction === 'request');
	const refusing = request.find((hop) => /^(REJECT|DROP)/.test(hop.reason));
	return (refusing ?? request[request.length - 1] ?? flight.hops[flight.hops.length - 1]).at;
}

function drawReason(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, s: number, canvasWidth: number): void {
	ctx.font = font(10.5, s, 500);
	const maxW = Math.min(260 * s, canvasWidth - 8 * s);
	const words = text.split(' ');
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const candidate = line === '' ? word : `${line} ${word}`;
		if (ctx.measureText(candidate).width > maxW - 12 * s && line !== '') {
			lines.push(line);
			line = word;
			if (lines.length === 2) {
				break;
			}
		}
		else {
			line = candidate;
		}
	}
	if (lines.length < 2 && line !== '') {
		lines.push(line);
	}
	else if (lines.length === 2) {
		lines[1] = fit(ctx, `${lines[1]} ${line}…`, maxW - 12 * s);
	}
	const w = Math.max(...lines.map((l) => ctx.measureText(l).width)) + 12 * s;
	const h = lines.length * 14 * s + 6 * s;
	const left = Math.max(4 * s, Math.min(x, canvasWidth - w - 4 * s));
	roundRect(ctx, { x: left, y: y - h / 2, w, h }, 4 * s);
	ctx.fillStyle = '#ffffff';
	ctx.fill();
	ctx.strokeStyle = THEME.fail;
	ctx.lineWidth = 1.2 * s;
	ctx.stroke();
	ctx.fillStyle = THEME.text;
	ctx.textBaseline = 'middle';
	ctx.textAlign = 'left';
	lines.forEach((l, i) => ctx.fillText(l, left + 6 * s, y - h / 2 + 3 * s + 7 * s + i * 14 * s));
}

function drawReset(context: FlightContext, mark: ResetMark, anim: number): void {
	const { ctx, layout } = context;
	if (mark.start === null || anim < mark.start) {
		return;
	}
	const s = layout.scale;
	const point = layout.pods.get(mark.pod)?.center ?? layout.nodes.get(mark.node)?.anchor;
	if (point === undefined) {
		return;
	}
	ctx.font = font(10.5, s, 700);
	pill(ctx, `✕ #${mark.id} reset`, point.x - 30 * s, point.y - 28 * s, 17 * s,
		{ fill: THEME.failSoft, stroke: THEME.fail, text: THEME.fail });
}

function drawProbe(context: FlightContext, probe: ProbeFlight, anim: number): void {
	const { ctx, layout, scene } = context;
	const at = probePoint(probe, anim, layout, scene.reducedMotion);
	if (at === null) {
		return;
	}
	const s = layout.scale;
	ctx.font = font(10.5, s, 700);
	const h = 17 * s;
	if (!at.answering) {
		const w = pillWidth(ctx, 'probe ?', h);
		pill(ctx, 'probe ?', at.point.x - w / 2, at.point.y - h / 2, h,
			{ fill: '#ffffff', stroke: THEME.accent, text: THEME.accent, dash: [3 * s, 2 * s] });
		return;
	}
	const settings = probeOf(scene);
	const threshold = probe.passed ? settings.healthyThreshold : settings.unhealthyThreshold;
	const answer = probe.status !== 0 ? String(probe.status) : answerWords(0, probe.answer);
	const text = `${probe.passed ? '✓' : '✕'} ${answer} · ${Math.min(probe.consecutive, threshold)}/${threshold}`;
	const w = pillWidth(ctx, text, h);
	ctx.globalAlpha = at.answered ? 0.75 : 1;
	pill(ctx, text, at.point.x - w / 2, at.point.y - h / 2, h, probe.passed
		? { fill: THEME.okSoft, stroke: THEME.ok, text: THEME.ok }
		: { fill: THEME.failSoft, stroke: THEME.fail, text: THEME.fail });
	ctx.globalAlpha = 1;
}

function pillWidth(ctx: CanvasRenderingContext2D, text: string, h: number): number {
	return ctx.measureText(text).width + 2 * h * 0.38;
}
