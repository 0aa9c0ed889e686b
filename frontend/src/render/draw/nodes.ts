// Nodes: name and InternalIP, the health badge (what the LB's probe answers now, and the LB's verdict), kube-proxy
// with the endpoint set it uses, and the pods inside. Cordoned nodes are hatched and say so; killed ones are dashed.
import type { TrafficPolicy } from '../../protocol/events';
import type { Layout, NodeBox, Rect } from '../../scene/layout';
import type { Scene, SceneNode, ScenePod } from '../../scene/scene';
import { font, THEME } from '../theme';
import { answerText, AWAITING_PROBE, POD_STATES, podLook, probeOk, verdictText, type PodLook } from '../../scene/labels';
import { box, fit, pill, roundRect, shortPodName, type PillStyle } from './shapes';

const OK: PillStyle = { fill: THEME.okSoft, stroke: '#8fcdb6', text: THEME.ok };
const FAIL: PillStyle = { fill: THEME.failSoft, stroke: '#eab595', text: THEME.fail };
const NEUTRAL: PillStyle = { fill: '#eef2f5', stroke: THEME.border, text: THEME.muted, dash: [3, 2] };

function port(target: string): string {
	const match = /:(\d+)(\/|$)/.exec(target);
	return match === null ? '' : `:${match[1]}`;
}

/** kube-proxy and the endpoint set external traffic uses here: "kube-proxy · Local set: 3 endpoints". */
export function proxyText(node: SceneNode, policy: TrafficPolicy | null): string {
	const set = policy === 'Local' ? node.localEndpoints : node.clusterEndpoints;
	if (set === null || set === undefined) {
		return 'kube-proxy';
	}
	return `kube-proxy · ${policy ?? 'Cluster'} set: ${set.length}`;
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

export function drawNode(ctx: CanvasRenderingContext2D, scene: Scene, node: SceneNode, box: NodeBox, s: number,
	dropTarget: 'none' | 'target' | 'source', menu = true): void {
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
	ctx.textBaseline = 'middle';
	ctx.textAlign = 'left';
	ctx.fillStyle = node.gone ? THEME.muted : THEME.text;
	ctx.font = font(14, s, 700);
	const nameY = rect.y + 17 * s;
	const available = box.menu.x - rect.x - 2 * pad;
	const name = fit(ctx, node.name, available);
	ctx.fillText(name, rect.x + pad, nameY);
	const nameW = ctx.measureText(name).width;
	ctx.font = font(11.5, s, 400, true);
	ctx.fillStyle = THEME.muted;
	// A killed node's Node object stays in the API until it is deleted: "dead", then "deleted"
	const extra = node.removed === true ? 'deleted' : node.gone ? `${node.internalIp} · dead` : node.cordoned ? `${node.internalIp} · cordoned` : node.internalIp;
	ctx.fillText(fit(ctx, extra, available - nameW - 8 * s), rect.x + pad + nameW + 8 * s, nameY);
	if (menu) {
		drawMenuButton(ctx, box.menu, s);
	}
	if (scene.loadBalancerKind === 'metallb-l2') {
		drawAnnouncement(ctx, scene, node, box.badge, s);
	}
	else if (scene.loadBalancerKind === 'metallb-bgp') {
		ctx.font = font(11, s, 600);
		// the nodes that advertise a route are those the analyzer gives a share
		const share = scene.statistics?.nodes.find((n) => n.node === node.name)?.exactLbShare;
		const advertises = share !== undefined && share !== '0';
		pill(ctx, advertises ? '◉ BGP: advertises a route' : 'BGP: no route', box.badge.x, box.badge.y, box.badge.h,
			advertises ? OK : NEUTRAL, box.badge.w);
	}
	else if (scene.loadBalancerKind === 'aws-nlb-ip') {
		// ip targets: the NLB registers and probes the pods, not the node
		ctx.font = font(11, s, 600);
		pill(ctx, 'not a target: the NLB sends to pod IPs', box.badge.x, box.badge.y, box.badge.h, NEUTRAL, box.badge.w);
	}
	else {
		drawBadges(ctx, node, box.badge, s);
	}
	const proxy = box.proxy;
	roundRect(ctx, proxy, 4 * s);
	ctx.fillStyle = THEME.proxy;
	ctx.fill();
	ctx.fillStyle = THEME.proxyText;
	ctx.font = font(11, s, 600);
	ctx.fillText(fit(ctx, proxyText(node, scene.service.externalTrafficPolicy), proxy.w - 24 * s), proxy.x + 20 * s,
		proxy.y + proxy.h / 2);
	ctx.beginPath();
	ctx.arc(box.anchor.x, box.anchor.y, 4 * s, 0, Math.PI * 2);
	ctx.fillStyle = THEME.proxyText;
	ctx.fill();
	if (dropTarget === 'target') {
		ctx.font = font(12, s, 700);
		ctx.fillStyle = THEME.accent;
		ctx.textAlign = 'right';
		ctx.fillText('drop to move here', rect.x + rect.w - pad, rect.y + rect.h - 10 * s);
		ctx.textAlign = 'left';
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

/** MetalLB L2 probes nothing: the one node that answers ARP for the LB IP says so, the others wait. */
function drawAnnouncement(ctx: CanvasRenderingContext2D, scene: Scene, node: SceneNode, badge: Rect, s: number): void {
	ctx.font = font(11.5, s, 700);
	const ip = scene.service.loadBalancerIps[0] ?? 'the LB IP';
	if (node.name === scene.announcingNode) {
		pill(ctx, `◉ announces ${ip}`, badge.x, badge.y, badge.h, OK, badge.w);
		return;
	}
	ctx.font = font(11, s, 600);
	pill(ctx, node.gone ? 'speaker gone' : 'no ARP answer', badge.x, badge.y, badge.h, NEUTRAL, badge.w);
}

function drawBadges(ctx: CanvasRenderingContext2D, node: SceneNode, badge: Rect, s: number): void {
	// A narrow node keeps the symbols and the status code, and drops the port and the verdict's word
	const narrow = badge.w < 200 * s;
	ctx.font = font(11.5, s, 700);
	const status = node.probeStatus;
	const ok = probeOk(status, node.probeAnswer);
	const text = answerText(status, node.probeAnswer);
	const answer = narrow ? text.replace('no answer', '—') : `${text}${port(node.probeTarget)}`;
	const first = pill(ctx, answer, badge.x, badge.y, badge.h, node.gone || node.probeAnswer === AWAITING_PROBE ? NEUTRAL : ok ? OK : FAIL, badge.w * 0.55);
	ctx.font = font(11, s, 600);
	const verdictStyle = node.verdict === 'healthy' ? OK : node.verdict === 'unhealthy' ? FAIL : NEUTRAL;
	const verdict = narrow ? `${verdictText(node).charAt(0)} LB` : verdictText(node);
	pill(ctx, verdict, badge.x + first + 5 * s, badge.y, badge.h, verdictStyle, badge.w - first - 5 * s);
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

export function drawPod(ctx: CanvasRenderingContext2D, pod: ScenePod, rect: Rect, s: number, lifted: boolean): void {
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
	const pad = 6 * s;
	ctx.textAlign = 'left';
	ctx.textBaseline = 'middle';
	ctx.fillStyle = pod.status === 'terminating' ? THEME.muted : THEME.text;
	if (rect.h < 32 * s) {
		// Compact (a crowded node): the name and the state's symbol on one line; the IP is in the tables
		ctx.font = font(11, s, 600);
		ctx.fillText(fit(ctx, shortPodName(pod.name), rect.w - 2 * pad - 12 * s), rect.x + pad, rect.y + rect.h / 2);
		ctx.fillStyle = state.stroke;
		ctx.textAlign = 'right';
		ctx.fillText(state.symbol, rect.x + rect.w - pad, rect.y + rect.h / 2);
		ctx.textAlign = 'left';
		ctx.globalAlpha = 1;
		return;
	}
	ctx.font = font(12, s, 600);
	ctx.fillText(fit(ctx, shortPodName(pod.name), rect.w - 2 * pad), rect.x + pad, rect.y + rect.h * 0.3);
	ctx.font = font(10.5, s, 400, true);
	ctx.fillStyle = THEME.muted;
	// Too narrow for the word: the symbol and the outline style still tell the state
	const stateText = rect.w < 118 * s ? state.symbol : `${state.symbol} ${state.label}`;
	const ip = pod.ip ?? 'no IP';
	const line = `${ip}`;
	ctx.fillText(fit(ctx, line, rect.w * 0.58), rect.x + pad, rect.y + rect.h * 0.72);
	ctx.font = font(10, s, 600);
	ctx.fillStyle = state.stroke;
	ctx.textAlign = 'right';
	ctx.fillText(fit(ctx, stateText, rect.w * 0.42 - pad), rect.x + rect.w - pad, rect.y + rect.h * 0.72);
	ctx.textAlign = 'left';
	ctx.globalAlpha = 1;
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

export function drawPending(ctx: CanvasRenderingContext2D, layout: Layout): void {
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
	ctx.font = font(11.5, s, 600);
	ctx.fillStyle = THEME.muted;
	ctx.textBaseline = 'middle';
	ctx.fillText('Pending: no node fits these pods', tray.x + 8 * s, tray.y + 11 * s);
}
