// The still parts of the picture: the Service banner, clients, the load balancer and the lines between them and the
// nodes (solid and as wide as the node's share where the LB sends traffic, dashed with a cross where its health check
// keeps it away). Text goes to the label board.
import type { Layout, Point } from '../../scene/layout';
import { lbRoute } from '../../scene/paths';
import type { Scene, SceneNode } from '../../scene/scene';
import { clientColour, font, THEME } from '../theme';
import { parseFraction, toNumber } from '../../scene/fraction';
import { lbShareText, nodeLbShare, podShare, podTargets } from '../../scene/shares';
import { analysedLoadBalancer } from '../../scene/balancer';
import type { LabelBoard, LabelKind } from '../labelBoard';
import { box, cross, roundRect } from './shapes';

export function drawBanner(ctx: CanvasRenderingContext2D, board: LabelBoard, scene: Scene, layout: Layout, note: string | null = null): void {
	const s = layout.scale;
	const { x, y, w, h } = layout.banner;
	const service = scene.service;
	const policy = service.externalTrafficPolicy ?? '—';
	const port = service.ports[0];
	const vip = scene.loadBalancerHostname ?? service.loadBalancerIps[0] ?? null;
	roundRect(ctx, layout.banner, 6 * s);
	ctx.fillStyle = THEME.proxy;
	ctx.fill();
	const name = `Service ${service.namespace}/${service.name}`;
	const serviceTexts = [
		...(vip === null || port === undefined ? [] : [`${name} · ${service.type} · ${vip}:${port.port}`]),
		`${name} · ${service.type}`, name, `${service.namespace}/${service.name}`,
	];
	// The policy is what the picture is about: it always gets its room first
	const policyTexts = [`externalTrafficPolicy: ${policy}`, `policy: ${policy}`, policy];
	const hc = service.healthCheckNodePort > 0 ? `healthCheckNodePort ${service.healthCheckNodePort}` : 'no healthCheckNodePort';
	const rate = `${formatRate(scene.connectionsPerSecond)} new connections/s`;
	const pace = scene.paused ? 'paused' : `${scene.speed}×`;
	const spread = scene.spreadKnob ? `LB ${scene.loadBalancer} · ` : '';
	const drawn = note === null ? [] : [note];
	const detailTexts = [
		[hc, `${spread}${rate}`, pace, ...drawn].join(' · '),
		[`${formatRate(scene.connectionsPerSecond)} conn/s`, pace, ...drawn].join(' · '),
		[pace, ...drawn].join(' · '),
		pace,
	];
	const strong = { font: font(13, s, 700, true), colour: THEME.proxyText, kind: 'state' as const };
	if (layout.orientation === 'tall') {
		const line1 = y + h * 0.3;
		const line2 = y + h * 0.72;
		board.text({ font: font(12, s, 600), colour: THEME.proxyText, variants: serviceTexts, kind: 'address',
			x: x + 8 * s, y: line1, maxWidth: w - 16 * s });
		const placed = board.text({ ...strong, font: font(12, s, 700, true), variants: policyTexts, x: x + 8 * s, y: line2,
			maxWidth: w - 16 * s });
		const used = placed === null ? 0 : placed.width + 12 * s;
		board.text({ font: font(11, s), colour: THEME.muted, variants: detailTexts, kind: 'prose', align: 'right',
			x: x + w - 8 * s, y: line2, maxWidth: w - 16 * s - used });
		return;
	}
	const mid = y + h / 2;
	const inner = w - 20 * s;
	board.ctx.font = strong.font;
	const policyFits = policyTexts.find((text) => board.ctx.measureText(text).width <= inner * 0.45);
	const policyW = policyFits === undefined ? 0 : board.ctx.measureText(policyFits).width + 14 * s;
	// the right end keeps room for the pace and what the picture leaves out (the density note)
	board.ctx.font = font(12, s);
	const detailW = board.ctx.measureText(detailTexts[2]).width + 14 * s;
	const left = board.text({ font: font(13, s, 600), colour: THEME.proxyText, variants: serviceTexts, kind: 'address',
		x: x + 10 * s, y: mid, maxWidth: inner - policyW - detailW });
	const cursor = x + 10 * s + (left === null ? 0 : left.width + 14 * s);
	const placed = board.text({ ...strong, variants: policyTexts, x: cursor, y: mid, maxWidth: inner * 0.45 });
	const after = cursor + (placed === null ? 0 : placed.width + 14 * s);
	board.text({ font: font(12, s), colour: THEME.muted, variants: detailTexts, kind: 'prose', align: 'right',
		x: x + w - 10 * s, y: mid, maxWidth: x + w - 10 * s - after });
}

function formatRate(rate: number): string {
	return Number.isInteger(rate) ? String(rate) : rate.toFixed(1);
}

export function drawClients(ctx: CanvasRenderingContext2D, board: LabelBoard, scene: Scene, layout: Layout): void {
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
		board.text({ font: font(10, s, 700), colour: '#ffffff', variants: [String(index + 1)], full: `client ${index + 1}`,
			kind: 'name', align: 'center', x: rect.x + 8 * s + swatch / 2, y: rect.y + rect.h / 2 + 0.5 });
		const textX = rect.x + 14 * s + swatch;
		const room = rect.x + rect.w - textX - 4 * s;
		board.text({ font: font(10, s, 600), colour: THEME.muted, variants: ['client'], kind: 'prose', x: textX,
			y: rect.y + rect.h * 0.3, maxWidth: room });
		// an address is never cut: a smaller type first, then nothing (the tables have it)
		const address = { colour: THEME.text, variants: [ip], kind: 'address' as const, x: textX, y: rect.y + rect.h * 0.68, maxWidth: room };
		if (board.text({ ...address, font: font(12, s, 500, true) }) === null) {
			board.text({ ...address, font: font(10, s, 500, true) });
		}
	});
}

/** What the load balancer does, in words, longest first; its spreading as the server's analysis says. */
function spreadTexts(scene: Scene): string[] {
	const spread = analysedLoadBalancer(scene)?.spread;
	const zoned = spread === 'per-zone';
	switch (scene.loadBalancerKind) {
		case 'metallb-l2':
			// MetalLB L2 is no box in the path: one node answers ARP for the IP, and nothing is probed
			return ['ARP: one node takes all, no probe', 'ARP: one node takes all'];
		case 'metallb-bgp':
			return ['router ECMP per advertising node, no probe', 'ECMP per advertising node', 'ECMP'];
		case 'aws-nlb-ip':
			return [zoned ? 'straight to pod IPs, per zone' : 'straight to pod IPs, evenly', 'straight to pod IPs'];
		case 'aws-clb':
			return [`proxy: its own connection to each node, ${zoned ? 'per zone' : 'evenly'}`, 'proxy: own connection per node',
				'proxy'];
		case 'azure':
			return ['even over healthy nodes, floating IP', 'even over healthy nodes'];
		case 'gke-passthrough':
			// weighted-load-balancing: pods-per-node weighs each node by the health check's header
			return spread === 'weighted-by-header' ? ['Maglev weighted by pods per node, passthrough', 'weighted Maglev', 'Maglev']
				: ['Maglev over healthy nodes, passthrough', 'Maglev over healthy nodes', 'Maglev'];
		default:
			if (spread === undefined) {
				// until the first statistics: the server's analysis says how it spreads
				return [];
			}
			if (spread === 'weighted-by-header') {
				return ['weighted by endpoint count', 'weighted'];
			}
			return zoned ? ['per zone, then even (cross-zone off)', 'per zone, then even', 'per zone']
				: ['even over healthy nodes', 'even'];
	}
}

function passTexts(scene: Scene): string[] {
	switch (scene.loadBalancerKind) {
		case 'metallb-l2':
			return scene.announcingNode === null ? ['nothing answers ARP', 'no ARP answer']
				: [`${scene.announcingNode} announces`, `${scene.announcingNode} announces`];
		case 'metallb-bgp': {
			const routes = scene.nodes.filter((node) => lbSendsTo(scene, node)).length;
			return [`${routes} nodes advertise a route`, `${routes} routes`];
		}
		case 'aws-nlb-ip': {
			if (scene.statistics === null) {
				return [];
			}
			const targets = podTargets(scene);
			const passing = targets.filter((target) => target.verdict === 'healthy').length;
			return [`${passing} of ${targets.length} pod targets pass`, `${passing}/${targets.length} pass`];
		}
		default: {
			const passing = scene.nodes.filter((node) => node.verdict === 'healthy').length;
			return [`${passing} of ${scene.nodes.length} nodes pass`, `${passing}/${scene.nodes.length} pass`];
		}
	}
}

/** The LB's address, or its name when a DNS name does not fit ("k8s-default-web-…" is the AWS load balancer's name). */
function addressTexts(scene: Scene): { variants: string[]; full: string } {
	const port = scene.service.ports[0]?.port ?? 80;
	const host = scene.loadBalancerHostname;
	const ip = scene.service.loadBalancerIps[0] ?? null;
	if (host !== null) {
		return { variants: [`${host}:${port}`, `${host.split('.')[0]}`, `DNS name, port ${port}`], full: `${host}:${port}` };
	}
	return ip === null ? { variants: ['no address yet'], full: 'no address yet' } : { variants: [`${ip}:${port}`, ip], full: `${ip}:${port}` };
}

export function drawLoadBalancer(ctx: CanvasRenderingContext2D, board: LabelBoard, scene: Scene, layout: Layout): void {
	const s = layout.scale;
	const rect = layout.lb.rect;
	box(ctx, rect, 8 * s, { colour: THEME.accent, width: 2 * s });
	if (scene.loadBalancerKind === 'aws-clb') {
		// a proxy ends the client's connection and opens its own: drawn with an inner wall
		roundRect(ctx, { x: rect.x + 4 * s, y: rect.y + 4 * s, w: rect.w - 8 * s, h: rect.h - 8 * s }, 5 * s);
		ctx.lineWidth = 1 * s;
		ctx.setLineDash([4 * s, 3 * s]);
		ctx.stroke();
		ctx.setLineDash([]);
	}
	const address = addressTexts(scene);
	const [name, detail] = nameLines(scene.loadBalancerName);
	if (layout.orientation === 'tall') {
		const room = rect.w - 16 * s;
		const title = board.text({ font: font(13, s, 700), colour: THEME.text, variants: [scene.loadBalancerName, name],
			kind: 'name', x: rect.x + 8 * s, y: rect.y + rect.h * 0.32, maxWidth: room });
		const used = title === null ? 0 : title.width + 10 * s;
		board.text({ font: font(11.5, s, 500, true), colour: THEME.text, ...address, kind: 'address', x: rect.x + 8 * s + used,
			y: rect.y + rect.h * 0.32, maxWidth: room - used });
		const spread = spreadTexts(scene);
		const pass = passTexts(scene);
		const joined = spread.length === 0 ? [pass[0], pass[pass.length - 1]] : [`${spread[0]} · ${pass[0]}`,
			`${spread[1] ?? spread[0]} · ${pass[0]}`, `${spread[spread.length - 1]} · ${pass[pass.length - 1]}`, pass[pass.length - 1]];
		board.text({ font: font(11, s), colour: THEME.muted, variants: joined, kind: 'prose', x: rect.x + 8 * s,
			y: rect.y + rect.h * 0.72, maxWidth: room });
		return;
	}
	// the name on two lines ("AWS NLB" and "(instance targets)"), so it fits the box at every width
	const lines: { font: string; variants: string[]; full?: string; kind: LabelKind; strong: boolean }[] = [
		{ font: font(13, s, 700), variants: [name], kind: 'name', strong: true },
		{ font: font(11, s, 600), variants: detail === '' ? [] : [detail, detail.replace(' targets', '')], kind: 'name', strong: true },
		{ font: font(11.5, s, 500, true), ...address, kind: 'address', strong: true },
		{ font: font(11, s), variants: spreadTexts(scene), kind: 'prose', strong: false },
		{ font: font(11, s), variants: passTexts(scene), kind: 'prose', strong: false },
	];
	const step = rect.h / (lines.length + 1);
	lines.forEach((line, i) => {
		if (line.variants.length > 0) {
			board.text({ font: line.font, colour: line.strong ? THEME.text : THEME.muted, variants: line.variants, full: line.full,
				kind: line.kind, align: 'center', x: rect.x + rect.w / 2, y: rect.y + step * (i + 1), maxWidth: rect.w - 12 * s });
		}
	});
}

/**
 * Whether the LB sends new connections to the node now: its share now, as the server's statistics say (a failing node
 * still gets connections while the LB fails open). Before the first statistics: the node passes the LB's check, or
 * announces the LB IP (MetalLB L2), or the router has a route through it (BGP), as the server's events said.
 */
export function lbSendsTo(scene: Scene, node: SceneNode): boolean {
	const share = nodeLbShare(scene, node.name);
	if (share !== null) {
		return share.now !== '0';
	}
	if (scene.loadBalancerKind === 'metallb-bgp') {
		return scene.advertisingNodes.includes(node.name);
	}
	return scene.loadBalancerKind === 'metallb-l2' ? node.name === scene.announcingNode : node.verdict === 'healthy';
}

/** A link's width for a share of new connections: a hairline for none, up to 12 px (scaled) for all. */
export function shareWidth(share: number, s: number): number {
	return (1.5 + 10.5 * Math.max(0, Math.min(1, share))) * s;
}

function shareOf(text: string | null | undefined): number {
	const value = text === null || text === undefined ? null : parseFraction(text);
	return value === null ? 0 : toNumber(value);
}

/** One way the load balancer sends along: its route, the exact share it carries, and whether the LB uses it. */
interface Flow {
	route: readonly Point[];
	share: number;
	sends: boolean;
}

/**
 * The flows drawn as a river: every stretch of route once, as wide as the sum of the shares that run along it, so
 * the trunk carries everything and each branch into a node is as wide as that node's share.
 */
function drawRiver(ctx: CanvasRenderingContext2D, flows: readonly Flow[], s: number): void {
	const stretches = new Map<string, { a: Point; b: Point; share: number; sends: boolean }>();
	for (const flow of flows) {
		flow.route.slice(1).forEach((b, i) => {
			const a = flow.route[i];
			const key = `${a.x},${a.y}>${b.x},${b.y}`;
			const stretch = stretches.get(key) ?? { a, b, share: 0, sends: false };
			stretch.share += flow.sends ? flow.share : 0;
			stretch.sends ||= flow.sends;
			stretches.set(key, stretch);
		});
	}
	ctx.lineCap = 'round';
	ctx.lineJoin = 'round';
	// the faint, unused stretches first, so traffic draws over them where they meet
	const ordered = [...stretches.values()].sort((x, y) => Number(x.sends) - Number(y.sends));
	for (const stretch of ordered) {
		ctx.beginPath();
		ctx.moveTo(stretch.a.x, stretch.a.y);
		ctx.lineTo(stretch.b.x, stretch.b.y);
		ctx.setLineDash(stretch.sends ? [] : [6 * s, 5 * s]);
		ctx.strokeStyle = stretch.sends ? '#8fb4c2' : THEME.faint;
		ctx.lineWidth = stretch.sends ? shareWidth(stretch.share, s) : 1.5 * s;
		ctx.stroke();
	}
	ctx.setLineDash([]);
	ctx.lineCap = 'butt';
	ctx.lineJoin = 'miter';
}

/** Draws the links; returns what writes their fractions on the board, to be called once the nodes' text is on it. */
export function drawLinks(ctx: CanvasRenderingContext2D, board: LabelBoard, scene: Scene, layout: Layout): () => void {
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
		// ip targets: the NLB sends straight to the pods in its target group, so its routes end at the pods
		const flows = podTargets(scene).flatMap((target) => {
			const route = lbRoute('lb', target.pod, layout);
			return route === null ? [] : [{ route, share: shareOf(podShare(scene, target.pod)), sends: true }];
		});
		drawRiver(ctx, flows, s);
		return () => undefined;
	}
	const labels: (() => void)[] = [];
	const flows: Flow[] = [];
	for (const node of scene.nodes) {
		const route = layout.routes.get(node.name);
		const box = layout.nodes.get(node.name);
		if (route === undefined || box === undefined) {
			continue;
		}
		const sends = lbSendsTo(scene, node);
		const share = nodeLbShare(scene, node.name);
		flows.push({ route, share: shareOf(share?.now), sends });
		// the branch's last bend, in the gap above the node: where its fraction (and a cross, when unused) go
		const drop = route[Math.max(0, route.length - 3)];
		labels.push(() => {
			if (!sends) {
				cross(ctx, drop.x, drop.y, 4.5 * s, THEME.fail, 2 * s);
			}
			if (share === null) {
				return;
			}
			// while the LB's checks lag a change, what it sends now, then (→) what it will send once they settle
			const text = lbShareText(share);
			board.text({
				font: font(11.5, s, 700, true), colour: sends ? THEME.text : THEME.fail, variants: [`LB ${text}`, text, share.now],
				full: `LB ${text}`, kind: 'fraction', halo: 4 * s, x: drop.x + 10 * s, y: drop.y,
				at: [{ x: drop.x + 40 * s, y: drop.y }, { x: drop.x + 10 * s, y: drop.y - 9 * s }, { x: drop.x - 60 * s, y: drop.y }],
			});
		});
	}
	drawRiver(ctx, flows, s);
	return () => labels.forEach((label) => label());
}


/** A load balancer's name split before its parenthesis: "AWS NLB (instance targets)" → "AWS NLB", "(instance targets)". */
export function nameLines(name: string): [string, string] {
	const open = name.indexOf(' (');
	return open < 0 ? [name, ''] : [name.slice(0, open), name.slice(open + 1)];
}
