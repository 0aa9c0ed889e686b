// Everything in flight: packets (circle = request, diamond = reply; a dashed ring once SNAT has rewritten the
// source, with the new source in the label), the marks where packets are dropped (✕) or refused (⊘) with the reason,
// cut connections, and the LB's health-check probes with their answers and the count toward the threshold.
import { contains, type Layout, type Point } from '../../scene/layout';
import { hopTime, isSnatted, addressOf, rewritesSource, verdictHop, reachedHop } from '../../scene/packets';
import { densityOf, isDrawn } from '../../scene/density';
import { answerWords } from '../../scene/labels';
import { anchorOf, packetPoint, probePoint } from '../../scene/paths';
import { type PacketFlight, type ProbeFlight, type ResetMark, type Scene } from '../../scene/scene';
import { clientColour, font, THEME } from '../theme';
import type { LabelBoard } from '../labelBoard';
import { callout, cross, pill } from './shapes';

/** Label one connection in this many so that labels stay readable (about one new label a second). */
export function labelEvery(connectionsPerSecond: number, speed: number): number {
	return Math.max(1, Math.round(connectionsPerSecond * Math.max(speed, 1)));
}

const SNAT_FLASH_MS = 900;
const REASONS_SHOWN = 3;

interface FlightContext {
	ctx: CanvasRenderingContext2D;
	board: LabelBoard;
	scene: Scene;
	layout: Layout;
	clientIndex: Map<string, number>;
	selected: number | null;
	hover: number | null;
	every: number;
	/** Sampled packets given a label so far this frame. */
	sampled: number;
}

/**
 * At most this many sampled packets carry a label in one frame (the selected and hovered ones always do): more would
 * not find room beside each other, and trying costs time.
 */
const SAMPLED_LABELS = 12;

/**
 * Draws marks and packets; returns a function that draws the labels (probe answers, reasons, packet sources) on the
 * board, to be called last, once every other text is on it: those labels go wherever nothing else is written.
 */
export function drawFlights(ctx: CanvasRenderingContext2D, board: LabelBoard, scene: Scene, layout: Layout,
	selected: number | null, hover: number | null = null): () => void {
	// only a sample of the connections is drawn when they are many (scene/density.ts); labels go to the drawn ones
	const density = densityOf(scene, layout);
	const context: FlightContext = {
		ctx, board, scene, layout, selected, hover, clientIndex: new Map(scene.clientIps.map((ip, i) => [ip, i])),
		every: Math.max(1, Math.round(labelEvery(scene.connectionsPerSecond, scene.speed) / density.every)) * density.every,
		sampled: 0,
	};
	const anim = scene.clock.anim;
	const marks: (() => void)[] = [];
	for (let i = scene.flights.length - 1; i >= 0; i--) {
		const flight = scene.flights[i];
		if (flight.kind === 'packet' && flight.outcome !== 'routed') {
			const reason = drawVerdictMark(context, flight, anim);
			if (reason !== null && marks.length < REASONS_SHOWN) {
				marks.push(reason);
			}
		}
		else if (flight.kind === 'reset') {
			marks.push(() => drawReset(context, flight, anim));
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
		marks.forEach((mark) => mark());
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
	const looked = isSelected || context.hover === flight.id;
	if (looked || (!reply && flight.id % context.every === 0 && context.sampled < SAMPLED_LABELS)) {
		const flash = snatFlash(flight, at.hop, anim);
		context.sampled += looked ? 0 : 1;
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
	const { board, layout } = context;
	const s = layout.scale;
	const source = addressOf(flight.hops[hop].srcAfter);
	if (flash !== null) {
		const anchor = anchorOf(flight.hops[flash].at, layout);
		const before = addressOf(flight.hops[flash].srcBefore);
		if (anchor !== null) {
			const h = 18 * s;
			pill(board, {
				font: font(11, s, 700), variants: [`SNAT: ${before} → ${source}`, `SNAT → ${source}`], kind: 'address',
				x: anchor.x, y: anchor.y - 34 * s, h, centred: true,
				at: [{ x: anchor.x, y: anchor.y + 14 * s }, { x: anchor.x + 60 * s, y: anchor.y - 34 * s }, { x: anchor.x - 60 * s, y: anchor.y - 34 * s }],
			}, { fill: '#fffbe6', stroke: THEME.text, text: THEME.text, dash: [3 * s, 2 * s] });
		}
	}
	const text = snatted ? `src ${source} (SNAT)` : reply ? `reply from ${source}` : `src ${source}`;
	const gap = 9 * s;
	board.text({
		font: font(10.5, s, snatted ? 700 : 500, true), colour: THEME.text, variants: [text, source], full: text, kind: 'address',
		align: 'center', baseline: 'bottom', halo: 3.5 * s, x: point.x, y: point.y - gap,
		at: [{ x: point.x, y: point.y + gap + 12 * s }],
	});
}

/**
 * ✕ where a packet was dropped, ⊘ where it was refused; returns what draws its reason on the board (null when the
 * mark is not drawn yet).
 */
function drawVerdictMark(context: FlightContext, flight: PacketFlight, anim: number): (() => void) | null {
	const { ctx, layout } = context;
	const s = layout.scale;
	const where = flight.hops[verdictHop(flight.hops, verdictPlace(flight))];
	const index = flight.hops.indexOf(where);
	if (reachedHop(flight, anim) < index) {
		return null;
	}
	const point = markPoint(where.at, layout);
	if (point === null) {
		return null;
	}
	const { x, y } = point;
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
	const reason = flight.reason;
	if (reason === null) {
		return () => undefined;
	}
	const verb = flight.outcome === 'dropped' ? 'dropped' : 'refused';
	return () => callout(context.board, {
		font: font(10.5, s, 500), text: `#${flight.id} ${verb}: ${reason}`, kind: 'prose', maxWidth: Math.min(260 * s, layout.width - 8 * s),
		maxLines: 3, lineHeight: 14 * s, bounds: layout,
		at: [{ x: x + 12 * s, y: y - 10 * s }, { x: x - 272 * s, y: y - 10 * s }, { x: x - 130 * s, y: y + 12 * s }, { x: x - 130 * s, y: y - 60 * s }],
	}, { fill: '#ffffff', stroke: THEME.fail, text: THEME.text });
}

/**
 * Where a drop or refusal is marked: on kube-proxy's dot in the node's lane, at a pod's arrival point, on the load
 * balancer's edge: places where no text is written.
 */
function markPoint(at: string, layout: Layout): Point | null {
	if (at !== 'lb') {
		return anchorOf(at, layout);
	}
	const { rect } = layout.lb;
	return layout.orientation === 'wide' ? { x: rect.x + rect.w, y: rect.y + rect.h / 2 } : { x: rect.x + rect.w / 2, y: rect.y + rect.h };
}

function verdictPlace(flight: PacketFlight): string {
	const request = flight.hops.filter((hop) => hop.direction === 'request');
	const refusing = request.find((hop) => /^(REJECT|DROP)/.test(hop.reason));
	return (refusing ?? request[request.length - 1] ?? flight.hops[flight.hops.length - 1]).at;
}

function drawReset(context: FlightContext, mark: ResetMark, anim: number): void {
	const { layout } = context;
	if (mark.start === null || anim < mark.start) {
		return;
	}
	const s = layout.scale;
	const point = layout.pods.get(mark.pod)?.center ?? layout.nodes.get(mark.node)?.anchor;
	if (point === undefined) {
		return;
	}
	pill(context.board, {
		font: font(10.5, s, 700), variants: [`✕ #${mark.id} reset`, '✕ reset'], kind: 'state', x: point.x, y: point.y - 28 * s,
		h: 17 * s, centred: true, at: [{ x: point.x, y: point.y + 8 * s }],
	}, { fill: THEME.failSoft, stroke: THEME.fail, text: THEME.fail });
}

function drawProbe(context: FlightContext, probe: ProbeFlight, anim: number): void {
	const { ctx, layout, scene, board } = context;
	const at = probePoint(probe, anim, layout, scene.reducedMotion);
	if (at === null) {
		return;
	}
	const s = layout.scale;
	const h = 17 * s;
	const { x, y } = at.point;
	// the probe's tag moves along its path; when its place is taken it sits just above or below it instead
	const around = [{ x, y: y - h / 2 - h }, { x, y: y + h / 2 + 2 * s }, { x: x + 40 * s, y: y - h / 2 }, { x: x - 40 * s, y: y - h / 2 }];
	if (!at.answering) {
		ctx.beginPath();
		ctx.arc(x, y, 3.5 * s, 0, Math.PI * 2);
		ctx.fillStyle = THEME.accent;
		ctx.fill();
		pill(board, { font: font(10.5, s, 700), variants: ['probe ?', '?'], kind: 'state', x, y: y - h / 2, h, centred: true, at: around },
			{ fill: '#ffffff', stroke: THEME.accent, text: THEME.accent, dash: [3 * s, 2 * s] });
		return;
	}
	const threshold = probe.threshold;
	const answer = probe.status !== 0 ? String(probe.status) : answerWords(0, probe.answer);
	const mark = probe.passed ? '✓' : '✕';
	const count = `${Math.min(probe.consecutive, threshold)}/${threshold}`;
	ctx.globalAlpha = at.answered ? 0.75 : 1;
	pill(board, {
		font: font(10.5, s, 700), variants: [`${mark} ${answer} · ${count}`, `${mark} ${answer}`, mark], kind: 'state', x, y: y - h / 2, h,
		centred: true, at: around,
	}, probe.passed
		? { fill: THEME.okSoft, stroke: THEME.ok, text: THEME.ok }
		: { fill: THEME.failSoft, stroke: THEME.fail, text: THEME.fail });
	ctx.globalAlpha = 1;
}
