// The still parts of the picture: the Service banner, clients, the load balancer and the lines between them and the
// nodes (solid where the LB sends traffic, dashed with a cross where its health check keeps it away).
import { densityNote, densityOf } from '../../scene/density';
import type { Layout } from '../../scene/layout';
import type { Scene, SceneNode } from '../../scene/scene';
import { clientColour, font, THEME } from '../theme';
import { box, cross, fit, haloText, roundRect } from './shapes';

export function drawBanner(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout): void {
	const s = layout.scale;
	const { x, y, w, h } = layout.banner;
	const service = scene.service;
	const policy = service.externalTrafficPolicy ?? '—';
	const port = service.ports[0];
	// the NLB's DNS name is long: its first label is enough in the banner (the LB box has more room)
	const host = scene.loadBalancerHostname;
	const vip = host !== null ? `${host.split('.')[0]}.elb…` : service.loadBalancerIps[0] ?? 'pending';
	roundRect(ctx, layout.banner, 6 * s);
	ctx.fillStyle = THEME.proxy;
	ctx.fill();
	ctx.textBaseline = 'middle';
	ctx.textAlign = 'left';
	ctx.fillStyle = THEME.proxyText;
	const parts = [
		`Service ${service.namespace}/${service.name}`,
		service.type,
		port === undefined ? '' : `${vip}:${port.port}`,
	].filter((part) => part !== '');
	const policyText = `externalTrafficPolicy: ${policy}`;
	const sample = densityNote(densityOf(scene, layout));
	const hc = service.healthCheckNodePort > 0 ? `healthCheckNodePort ${service.healthCheckNodePort}` : 'no healthCheckNodePort';
	if (layout.orientation === 'tall') {
		ctx.font = font(12, s, 600);
		ctx.fillText(fit(ctx, parts.join(' · '), w - 16 * s), x + 8 * s, y + h * 0.3);
		ctx.font = font(12, s, 700, true);
		ctx.fillText(fit(ctx, sample === null ? policyText : `${policyText} · ${sample}`, w - 16 * s), x + 8 * s, y + h * 0.72);
		return;
	}
	ctx.font = font(13, s, 600);
	const left = parts.join(' · ');
	ctx.fillText(left, x + 10 * s, y + h / 2);
	let cursor = x + 10 * s + ctx.measureText(left).width + 14 * s;
	ctx.font = font(13, s, 700, true);
	ctx.fillText(policyText, cursor, y + h / 2);
	cursor += ctx.measureText(policyText).width + 14 * s;
	ctx.font = font(12, s, 400);
	ctx.fillStyle = THEME.muted;
	const right = `${hc} · ${scene.spreadKnob ? `LB ${scene.loadBalancer} · ` : ''}`
		+ `${formatRate(scene.connectionsPerSecond)} new connections/s · ${scene.paused ? 'paused' : `${scene.speed}×`}${sample === null ? '' : ` · ${sample}`}`;
	ctx.textAlign = 'right';
	ctx.fillText(fit(ctx, right, x + w - 10 * s - cursor), x + w - 10 * s, y + h / 2);
	ctx.textAlign = 'left';
}

function formatRate(rate: number): string {
	return Number.isInteger(rate) ? String(rate) : rate.toFixed(1);
}

export function drawClients(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout): void {
	const s = layout.scale;
	scene.clientIps.forEach((ip, index) => {
		const client = layout.clients.get(ip);
		if (client === undefined) {
			return;
		}
		const { rect } = client;
		box(ctx, rect, 6 * s);
		// The client's colour swatch (its packets share it) with its number, so colour is not the only key
		const swatch = Math.min(18 * s, rect.h - 10 * s);
		ctx.fillStyle = clientColour(index);
		ctx.beginPath();
		ctx.arc(rect.x + 8 * s + swatch / 2, rect.y + rect.h / 2, swatch / 2, 0, Math.PI * 2);
		ctx.fill();
		ctx.fillStyle = '#fff';
		ctx.font = font(10, s, 700);
		ctx.textAlign = 'center';
		ctx.textBaseline = 'middle';
		ctx.fillText(String(index + 1), rect.x + 8 * s + swatch / 2, rect.y + rect.h / 2 + 0.5);
		ctx.textAlign = 'left';
		const textX = rect.x + 14 * s + swatch;
		ctx.fillStyle = THEME.muted;
		ctx.font = font(10, s, 600);
		ctx.fillText('client', textX, rect.y + rect.h * 0.3);
		ctx.fillStyle = THEME.text;
		ctx.font = font(12, s, 500, true);
		ctx.fillText(fit(ctx, ip, rect.x + rect.w - textX - 4 * s), textX, rect.y + rect.h * 0.68);
	});
}

export function drawLoadBalancer(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout): void {
	const s = layout.scale;
	const rect = layout.lb.rect;
	box(ctx, rect, 8 * s, { colour: THEME.accent, width: 2 * s });
	const proxy = scene.loadBalancerKind === 'aws-clb';
	if (proxy) {
		// a proxy ends the client's connection and opens its own: drawn with an inner wall
		roundRect(ctx, { x: rect.x + 4 * s, y: rect.y + 4 * s, w: rect.w - 8 * s, h: rect.h - 8 * s }, 5 * s);
		ctx.lineWidth = 1 * s;
		ctx.setLineDash([4 * s, 3 * s]);
		ctx.stroke();
		ctx.setLineDash([]);
	}
	const vip = scene.loadBalancerHostname ?? scene.service.loadBalancerIps[0] ?? 'no address yet';
	const port = scene.service.ports[0]?.port ?? 80;
	const passing = scene.nodes.filter((node) => node.verdict === 'healthy').length;
	const l2 = scene.loadBalancerKind === 'metallb-l2';
	const bgp = scene.loadBalancerKind === 'metallb-bgp';
	const ipTargets = scene.loadBalancerKind === 'aws-nlb-ip';
	// MetalLB L2 is no box in the path: one node answers ARP for the IP, and nothing is probed
	const spread = l2 ? 'ARP: one node takes all, no probe' : bgp ? 'router ECMP per advertising node, no probe' : ipTargets ? 'straight to pod IPs, per zone'
		: proxy ? 'proxy: its own connection to each node, per zone'
		: scene.loadBalancerKind === 'azure' ? 'even over healthy nodes, floating IP'
		: scene.loadBalancerKind === 'gke-passthrough' ? 'Maglev over healthy nodes, passthrough'
		: scene.loadBalancer === 'weighted' ? 'weighted by endpoint count' : 'per zone, then even (cross-zone off)';
	const targetPods = scene.pods.filter((pod) => pod.backsService && pod.status === 'ready').length;
	const pass = l2 ? (scene.announcingNode === null ? 'nothing answers ARP' : `${scene.announcingNode} announces`)
		: bgp ? `${scene.nodes.filter((node) => lbSendsTo(scene, node)).length} nodes advertise a route`
		: ipTargets ? `${targetPods} Ready pods are targets` : `${passing} of ${scene.nodes.length} nodes pass`;
	ctx.textBaseline = 'middle';
	ctx.textAlign = layout.orientation === 'tall' ? 'left' : 'center';
	if (layout.orientation === 'tall') {
		ctx.font = font(13, s, 700);
		ctx.fillStyle = THEME.text;
		ctx.fillText(fit(ctx, `${scene.loadBalancerName} ${vip}:${port}`, rect.w - 16 * s), rect.x + 8 * s, rect.y + rect.h * 0.32);
		ctx.font = font(11, s);
		ctx.fillStyle = THEME.muted;
		ctx.fillText(fit(ctx, `${spread} · ${pass}`, rect.w - 16 * s), rect.x + 8 * s, rect.y + rect.h * 0.72);
		ctx.textAlign = 'left';
		return;
	}
	// the name on two lines ("AWS NLB" and "(instance targets)"), so it fits the box at every width
	const [name, detail] = nameLines(scene.loadBalancerName);
	const lines: [string, string, boolean][] = [
		[font(13, s, 700), name, true],
		[font(11, s, 600), detail, true],
		[font(12, s, 500, true), `${vip}:${port}`, true],
		[font(11, s), spread, false],
		[font(11, s), pass, false],
	];
	const step = rect.h / (lines.length + 1);
	lines.forEach(([f, text, strong], i) => {
		ctx.font = f;
		ctx.fillStyle = strong ? THEME.text : THEME.muted;
		ctx.fillText(fit(ctx, text, rect.w - 12 * s), rect.x + rect.w / 2, rect.y + step * (i + 1));
	});
	ctx.textAlign = 'left';
}

function lbShare(scene: Scene, node: string): string | null {
	const row = scene.statistics?.nodes.find((n) => n.node === node);
	return row === undefined ? null : row.exactLbShare;
}

/**
 * Whether the LB sends new connections to the node (MetalLB L2: the node that announces the LB IP; BGP: the nodes
 * the router has a route through now, as the server says).
 */
export function lbSendsTo(scene: Scene, node: SceneNode): boolean {
	if (scene.loadBalancerKind === 'metallb-bgp') {
		return scene.advertisingNodes.includes(node.name);
	}
	return scene.loadBalancerKind === 'metallb-l2' ? node.name === scene.announcingNode : node.verdict === 'healthy';
}

export function drawLinks(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout): void {
	const s = layout.scale;
	const lb = layout.lb;
	ctx.lineWidth = 1.2 * s;
	ctx.strokeStyle = THEME.faint;
	for (const client of layout.clients.values()) {
		ctx.beginPath();
		ctx.moveTo(client.anchor.x, client.anchor.y);
		ctx.lineTo(lb.anchor.x, lb.anchor.y);
		ctx.stroke();
	}
	if (scene.loadBalancerKind === 'aws-nlb-ip') {
		drawPodTargetLinks(ctx, scene, layout);
		return;
	}
	for (const node of scene.nodes) {
		const box = layout.nodes.get(node.name);
		if (box === undefined) {
			continue;
		}
		const from = layout.orientation === 'wide'
			? { x: lb.rect.x + lb.rect.w, y: lb.anchor.y }
			: { x: lb.anchor.x, y: lb.rect.y + lb.rect.h };
		const to = box.anchor;
		const sends = lbSendsTo(scene, node);
		ctx.beginPath();
		ctx.moveTo(from.x, from.y);
		ctx.lineTo(to.x, to.y);
		ctx.setLineDash(sends ? [] : [6 * s, 5 * s]);
		ctx.strokeStyle = sends ? '#8fa0b0' : THEME.faint;
		ctx.lineWidth = (sends ? 2 : 1.5) * s;
		ctx.stroke();
		ctx.setLineDash([]);
		const share = lbShare(scene, node.name);
		const t = layout.orientation === 'wide' ? 0.45 : 0.55;
		const mid = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
		if (!sends) {
			cross(ctx, mid.x, mid.y, 4.5 * s, THEME.fail, 2 * s);
		}
		if (share !== null && layout.orientation === 'wide') {
			ctx.font = font(11, s, 600, true);
			ctx.fillStyle = sends ? THEME.text : THEME.fail;
			ctx.textAlign = 'center';
			ctx.textBaseline = 'bottom';
			haloText(ctx, `LB ${share}`, mid.x, mid.y - 6 * s, 4 * s);
			ctx.textAlign = 'left';
		}
	}
}

/** NLB ip targets: the LB sends straight to the pods' IPs, so its arrows go to the Service's Ready pods, not the nodes. */
function drawPodTargetLinks(ctx: CanvasRenderingContext2D, scene: Scene, layout: Layout): void {
	const s = layout.scale;
	const lb = layout.lb;
	const from = layout.orientation === 'wide'
		? { x: lb.rect.x + lb.rect.w, y: lb.anchor.y }
		: { x: lb.anchor.x, y: lb.rect.y + lb.rect.h };
	ctx.strokeStyle = '#8fa0b0';
	ctx.lineWidth = 1.5 * s;
	for (const pod of scene.pods) {
		const box = layout.pods.get(pod.name);
		if (box === undefined || !pod.backsService || pod.status !== 'ready') {
			continue;
		}
		ctx.beginPath();
		ctx.moveTo(from.x, from.y);
		ctx.lineTo(box.center.x, box.center.y);
		ctx.stroke();
	}
}

/** A load balancer's name split before its parenthesis: "AWS NLB (instance targets)" → "AWS NLB", "(instance targets)". */
export function nameLines(name: string): [string, string] {
	const open = name.indexOf(' (');
	return open < 0 ? [name, ''] : [name.slice(0, open), name.slice(open + 1)];
}
