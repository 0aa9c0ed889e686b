// Nodes: name and InternalIP, the health badge (what the LB's probe answers now, and the LB's verdict), kube-proxy
// with the endpoint set it uses, and the pods inside, each with its exact share of new connections drawn as a bar and
// written as a fraction, and the address it sees. Cordoned nodes are hatched and say so; killed ones are dashed.
// Shapes go to the still layer's context; every text (and its plate) goes to the label board, which sits above traffic.
import type { TrafficPolicy } from '../../protocol/events';
import type { NodeBox, Rect } from '../../scene/layout';
import type { Scene, SceneNode, ScenePod } from '../../scene/scene';
import { sourceCategory } from '../../scene/addresses';
import { parseFraction, toNumber } from '../../scene/fraction';
import { nodeLbShare, podShare } from '../../scene/shares';
import { font, THEME } from '../theme';
import { answerText, AWAITING_PROBE, POD_STATES, podLook, probeOk, verdictText, type PodLook } from '../../scene/labels';
import type { LabelBoard } from '../labelBoard';
import { box, pill, roundRect, shortPodName, type PillStyle } from './shapes';

/** Text over which packets pass keeps a halo, so it reads over them. */
const HALO = 3;

const OK: PillStyle = { fill: THEME.okSoft, stroke: '#8fcdb6', text: THEME.ok };
const FAIL: PillStyle = { fill: THEME.failSoft, stroke: '#eab595', text: THEME.fail };
const NEUTRAL: PillStyle = { fill: '#eef2f5', stroke: THEME.border, text: THEME.muted, dash: [3, 2] };

function port(target: string): string {
	const match = /:(\d+)(\/|$)/.exec(target);
	return match === null ? '' : `:${match[1]}`;
}

/** kube-proxy and the endpoint set external traffic uses here, longest wording first. */
export function proxyTexts(node: SceneNode, policy: TrafficPolicy | null): string[] {
	const set = policy === 'Local' ? node.localEndpoints : node.clusterEndpoints;
	if (set === null || set === undefined) {
		return ['kube-proxy'];
	}
	const count = `${set.length} endpoint${set.length === 1 ? '' : 's'}`;
	return [`kube-proxy · ${policy ?? 'Cluster'} set: ${set.length}`, `kube-proxy · ${count}`, `${policy ?? 'Cluster'} set: ${set.length}`,
		`${set.length} ep.`];
}

function hatch(ctx: CanvasRenderingContext2D, rect: Rect, gap: number): void {
	ctx.save();
	roundRect(ctx, rect, 8);
	ctx.clip();
	ctx.strokeStyle = 'rgba(90, 101, 114, 0.16)';
	ctx.lineWidth = 1;
	ctx.beginPath();
	for (let d = -rect.h; d < rect.w; d += gap) {
		ctx.moveTo(rect.x + d, rect.y + rect.h);
		ctx.lineTo(rect.x + d + rect.h, rect.y);
	}
	ctx.stroke();
	ctx.restore();
}

export function drawNode(ctx: CanvasRenderingContext2D, board: LabelBoard, scene: Scene, node: SceneNode, box: NodeBox,
	s: number, dropTarget: 'none' | 'target' | 'source', menu = true): void {
	const { rect } = box;
	roundRect(ctx, rect, 8 * s);
	ctx.fillStyle = node.gone ? '#fafbfc' : THEME.node;
	ctx.fill();
	if (node.cordoned && !node.gone) {
		hatch(ctx, rect, 10 * s);
	}
	roundRect(ctx, rect, 8 * s);
	ctx.setLineDash(node.gone ? [6 * s, 4 * s] : []);
	ctx.strokeStyle = dropTarget === 'target' ? THEME.accent : THEME.border;
	ctx.lineWidth = (dropTarget === 'target' ? 3 : 1.2) * s;
	ctx.stroke();
	ctx.setLineDash([]);
	const pad = 8 * s;
	const left = box.badge.x;
	const nameY = rect.y + 17 * s;
	const available = (menu ? box.menu.x : rect.x + rect.w) - left - pad;
	const name = board.text({
		font: font(14, s, 700), colour: node.gone ? THEME.muted : THEME.text, variants: [node.name], kind: 'name', halo: HALO * s,
		x: left, y: nameY, maxWidth: available,
	});
	const nameW = name === null ? 0 : name.width;
	// A killed node's Node object stays in the API until it is deleted: "dead", then "deleted"
	const ip = node.internalIp;
	const extra = node.removed === true ? ['deleted'] : node.gone ? [`${ip} · dead`, 'dead'] : node.cordoned
		? [`${ip} · cordoned`, 'cordoned'] : [ip];
	board.text({
		font: font(11.5, s, 400, true), colour: THEME.muted, variants: extra, full: extra[0], kind: 'address', halo: HALO * s,
		x: left + nameW + 8 * s, y: nameY, maxWidth: available - nameW - 8 * s,
	});
	if (menu) {
		drawMenuButton(ctx, box.menu, s);
	}
	drawHealth(board, scene, node, box.badge, s);
	const proxy = box.proxy;
	roundRect(ctx, proxy, 4 * s);
	ctx.fillStyle = THEME.proxy;
	ctx.fill();
	board.text({
		font: font(11, s, 600), colour: THEME.proxyText, variants: proxyTexts(node, scene.service.externalTrafficPolicy),
		kind: 'state', x: proxy.x + 20 * s, y: proxy.y + proxy.h / 2, maxWidth: proxy.w - 24 * s,
	});
	ctx.beginPath();
	ctx.arc(box.anchor.x, box.anchor.y, 4 * s, 0, Math.PI * 2);
	ctx.fillStyle = THEME.proxyText;
	ctx.fill();
	if (dropTarget === 'target') {
		board.text({
			font: font(12, s, 700), colour: THEME.accent, variants: ['drop to move here', 'drop here'], kind: 'prose',
			align: 'right', x: rect.x + rect.w - pad, y: rect.y + rect.h - 10 * s, maxWidth: rect.w - 2 * pad,
		});
	}
}

/** The badge row: what the LB checks on this node and what it concluded, as this load balancer does it. */
function drawHealth(board: LabelBoard, scene: Scene, node: SceneNode, badge: Rect, s: number): void {
	const one = (texts: string[], style: PillStyle, kind: 'state' | 'address' = 'state'): void => {
		pill(board, { font: font(11, s, 600), variants: texts, kind, x: badge.x, y: badge.y, h: badge.h, maxWidth: badge.w }, style);
	};
	switch (scene.loadBalancerKind) {
		case 'metallb-l2': {
			// MetalLB L2 probes nothing: the one node that answers ARP for the LB IP says so, the others wait
			const ip = scene.service.loadBalancerIps[0] ?? 'the LB IP';
			if (node.name === scene.announcingNode) {
				one([`◉ announces ${ip}`, '◉ announces the IP', '◉ ARP'], OK, 'address');
			}
			else {
				one(node.gone ? ['speaker gone', 'gone'] : ['no ARP answer', 'no ARP'], NEUTRAL);
			}
			return;
		}
		case 'metallb-bgp': {
			// the nodes the router has a route through now get a share now
			const share = nodeLbShare(scene, node.name);
			const advertises = share !== null && share.now !== '0';
			one(advertises ? ['◉ BGP: advertises a route', '◉ BGP route', '◉ BGP'] : ['BGP: no route', 'no route'], advertises ? OK : NEUTRAL);
			return;
		}
		case 'aws-nlb-ip':
			// ip targets: the NLB registers and probes the pods, not the node
			one(['not a target: the NLB sends to pod IPs', 'not a target (ip targets)', 'not a target'], NEUTRAL);
			return;
		default:
			drawBadges(board, node, badge, s);
	}
}

function drawMenuButton(ctx: CanvasRenderingContext2D, menu: Rect, s: number): void {
	box(ctx, menu, 5 * s);
	ctx.fillStyle = THEME.text;
	for (let i = -1; i <= 1; i++) {
		ctx.beginPath();
		ctx.arc(menu.x + menu.w / 2 + i * 5.5 * s, menu.y + menu.h / 2, 1.9 * s, 0, Math.PI * 2);
		ctx.fill();
	}
}

function drawBadges(board: LabelBoard, node: SceneNode, badge: Rect, s: number): void {
	const status = node.probeStatus;
	const ok = probeOk(status, node.probeAnswer);
	const text = answerText(status, node.probeAnswer);
	// down to the mark alone: ✓ passes, ✕ fails, · waits for the next probe
	const answers = [`${text}${port(node.probeTarget)}`, text, text.replace('no answer', '—').replace('connected', 'conn.')
		.replace(AWAITING_PROBE, 'next probe'), text.charAt(0)];
	const first = pill(board, {
		font: font(11.5, s, 700), variants: [...new Set(answers)], kind: 'state', x: badge.x, y: badge.y, h: badge.h,
		maxWidth: badge.w * 0.58,
	}, node.gone || node.probeAnswer === AWAITING_PROBE ? NEUTRAL : ok ? OK : FAIL);
	const verdictStyle = node.verdict === 'healthy' ? OK : node.verdict === 'unhealthy' ? FAIL : NEUTRAL;
	const verdict = verdictText(node);
	const gap = first > 0 ? first + 5 * s : 0;
	pill(board, {
		font: font(11, s, 600), variants: [verdict, `${verdict.charAt(0)} LB`], full: verdict, kind: 'state',
		x: badge.x + gap, y: badge.y, h: badge.h, maxWidth: badge.w - gap,
	}, verdictStyle);
}

const POD_LOOK: Record<PodLook, { fill: string; stroke: string; dash: number[] }> = {
	ready: { fill: '#ffffff', stroke: THEME.ok, dash: [] },
	starting: { fill: '#fffaf0', stroke: THEME.warn, dash: [4, 3] },
	'not-ready': { fill: '#fdf2f2', stroke: THEME.warn, dash: [2, 2] },
	terminating: { fill: '#f3f4f6', stroke: THEME.muted, dash: [1.5, 2.5] },
	'not-serving': { fill: '#e5e7eb', stroke: THEME.muted, dash: [1.5, 2.5] },
	pending: { fill: '#ffffff', stroke: THEME.muted, dash: [4, 3] },
};

/** A terminating pod that no longer serves: dimmed, and crossed out so that it reads without colour. */
const NOT_SERVING_ALPHA = 0.55;

/** The address a pod's connections come from, in words the server's statistics decide (client kept, or SNAT). */
export function seenTexts(scene: Scene, pod: string): string[] {
	const stats = scene.statistics?.pods.find((row) => row.pod === pod);
	if (stats === undefined) {
		return [];
	}
	const sources = Object.keys(stats.exactSourcesSeen)
		.map((address) => stats.sources.find((source) => source.address === address))
		.filter((source) => source !== undefined);
	if (sources.length === 0) {
		return [];
	}
	const categories = new Set(sources.map((source) => sourceCategory(source)));
	if (categories.size === 1 && categories.has('client')) {
		return ['sees the client IP', 'sees client IP', 'client IP'];
	}
	if (categories.size === 1 && categories.has('node')) {
		const single = sources.length === 1 ? [`sees ${sources[0].address} (SNAT)`, `sees ${sources[0].address}`] : [];
		return [...single, 'sees node IPs (SNAT)', 'node IPs (SNAT)', 'SNAT'];
	}
	// an address the server attributes to no client and no node (an NLB's own with ip targets, say): named as it is
	const words = { client: 'client IP', node: 'node IPs', other: sources.length === 1 ? sources[0].address : 'other addresses' };
	const seen = (['client', 'node', 'other'] as const).filter((category) => categories.has(category)).map((category) => words[category]);
	return [`sees ${seen.join(' and ')}`, seen.join(' + ')];
}

export function drawPod(ctx: CanvasRenderingContext2D, board: LabelBoard | null, scene: Scene, pod: ScenePod, rect: Rect,
	s: number, lifted: boolean): void {
	const look = podLook(pod);
	const state = { ...POD_LOOK[look], ...POD_STATES[look] };
	const alpha = (lifted ? 0.35 : 1) * (look === 'not-serving' ? NOT_SERVING_ALPHA : 1);
	roundRect(ctx, rect, 5 * s);
	ctx.fillStyle = state.fill;
	ctx.globalAlpha = alpha;
	ctx.fill();
	ctx.setLineDash(state.dash.map((d) => d * s));
	ctx.strokeStyle = state.stroke;
	ctx.lineWidth = (pod.status === 'ready' ? 1.8 : 1.4) * s;
	ctx.stroke();
	ctx.setLineDash([]);
	if (look === 'not-serving') {
		crossOut(ctx, rect, s);
	}
	const share = podShare(scene, pod.name);
	drawShareBar(ctx, rect, share, s);
	ctx.globalAlpha = 1;
	if (board === null) {
		return;
	}
	const pad = 6 * s;
	const halo = HALO * s;
	const nameColour = pod.status === 'terminating' ? THEME.muted : THEME.text;
	const names = [...new Set([pod.name, shortPodName(pod.name)])];
	const shareText = share === null ? null : board.text({
		font: font(12, s, 700, true), colour: share === '0' ? THEME.muted : THEME.accent, variants: [share], kind: 'fraction', halo,
		align: 'right', x: rect.x + rect.w - pad, y: rect.y + Math.min(rect.h / 2, 12 * s),
	});
	const nameRoom = rect.w - 2 * pad - (shareText === null ? 0 : shareText.width + 6 * s);
	if (rect.h < 32 * s) {
		// Compact (a crowded node): the name, the share and the state's symbol on one line; the rest is in the tables
		board.text({ font: font(11, s, 600), colour: nameColour, variants: names, full: pod.name, kind: 'name', halo,
			x: rect.x + pad, y: rect.y + rect.h / 2, maxWidth: nameRoom - 12 * s });
		return;
	}
	board.text({ font: font(12, s, 600), colour: nameColour, variants: names, full: pod.name, kind: 'name', halo,
		x: rect.x + pad, y: rect.y + 12 * s, maxWidth: nameRoom });
	// the IP first (an address is worth more than the state's word, which has a symbol and an outline besides)
	const lineY = rect.y + 27 * s;
	const symbolRoom = 16 * s;
	const ip = board.text({ font: font(10.5, s, 400, true), colour: THEME.muted, variants: [pod.ip ?? 'no IP'], kind: 'address', halo,
		x: rect.x + pad, y: lineY, maxWidth: rect.w - 2 * pad - symbolRoom });
	board.text({
		font: font(10, s, 600), colour: state.stroke, variants: [`${state.symbol} ${state.label}`, state.symbol],
		full: `${state.symbol} ${state.label}`, kind: 'state', halo, align: 'right', x: rect.x + rect.w - pad, y: lineY,
		maxWidth: rect.w - 2 * pad - (ip === null ? 0 : ip.width + 6 * s),
	});
	if (rect.h >= 50 * s) {
		const seen = seenTexts(scene, pod.name);
		board.text({ font: font(10, s, 500), colour: THEME.text, variants: seen, full: seen[0], kind: 'address', halo,
			x: rect.x + pad, y: rect.y + 41 * s, maxWidth: rect.w - 2 * pad });
	}
}

/** The pod's share drawn along its bottom edge: a full-width bar is every new connection, half is 1/2. */
function drawShareBar(ctx: CanvasRenderingContext2D, rect: Rect, share: string | null, s: number): void {
	const value = share === null ? null : parseFraction(share);
	if (value === null) {
		return;
	}
	const inset = 3 * s;
	const h = 4 * s;
	const track = { x: rect.x + inset, y: rect.y + rect.h - h - inset, w: rect.w - 2 * inset, h };
	roundRect(ctx, track, h / 2);
	ctx.fillStyle = THEME.faint;
	ctx.fill();
	const fraction = toNumber(value);
	if (fraction > 0) {
		roundRect(ctx, { ...track, w: Math.max(h, track.w * fraction) }, h / 2);
		ctx.fillStyle = THEME.accent;
		ctx.fill();
	}
}

function crossOut(ctx: CanvasRenderingContext2D, rect: Rect, s: number): void {
	const inset = 4 * s;
	ctx.beginPath();
	ctx.moveTo(rect.x + inset, rect.y + inset);
	ctx.lineTo(rect.x + rect.w - inset, rect.y + rect.h - inset);
	ctx.moveTo(rect.x + rect.w - inset, rect.y + inset);
	ctx.lineTo(rect.x + inset, rect.y + rect.h - inset);
	ctx.strokeStyle = THEME.muted;
	ctx.lineWidth = 1 * s;
	ctx.stroke();
}

export function drawPending(ctx: CanvasRenderingContext2D, board: LabelBoard, layout: { pending: Rect | null; scale: number }): void {
	const tray = layout.pending;
	if (tray === null) {
		return;
	}
	const s = layout.scale;
	roundRect(ctx, tray, 8 * s);
	ctx.setLineDash([5 * s, 4 * s]);
	ctx.strokeStyle = THEME.border;
	ctx.lineWidth = 1.2 * s;
	ctx.stroke();
	ctx.setLineDash([]);
	board.text({ font: font(11.5, s, 600), colour: THEME.muted, variants: ['Pending: no node fits these pods', 'Pending'],
		kind: 'prose', x: tray.x + 8 * s, y: tray.y + 11 * s, maxWidth: tray.w - 16 * s });
}
