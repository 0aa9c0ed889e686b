// The health-check table: what the load balancer probes on each node (or that it does not), kube-proxy's literal answer (status line, headers,
// body byte for byte), the LB's verdict and its count, and kube-proxy's own /healthz.
import type { HealthCheckRow } from '../protocol/events';
import { answerText, answerWords, AWAITING_PROBE, probeOk } from '../scene/labels';
import { analysedLoadBalancer } from '../scene/balancer';
import type { Scene, SceneNode, SceneProbeAnswer } from '../scene/scene';
import { h, setText, syncKeyed } from './dom';

const REASONS: Record<number, string> = { 200: 'OK', 503: 'Service Unavailable' };

export function statusLine(status: number): string {
	return status === 0 ? 'no answer' : `HTTP/1.1 ${status} ${REASONS[status] ?? ''}`.trimEnd();
}

/** How the answer badge reads: passing, failing, or idle when nothing probes the node. */
export type AnswerTone = 'ok' | 'fail' | 'idle';

export interface HealthRow {
	node: string;
	internalIp: string;
	probed: string;
	tone: AnswerTone;
	answer: string;
	literal: string;
	literalTitle: string;
	verdict: string;
	proxy: string;
}

/** The answer as curl -i prints it: status line, headers, blank line, body. */
export function literalAnswer(row: HealthCheckRow | undefined): string {
	const check = row?.healthCheck ?? null;
	if (check === null) {
		if (row === undefined) {
			return '';
		}
		return `${statusLine(row.proxyHealthz.status)}\nContent-Type: application/json\nX-Content-Type-Options: nosniff\n\n`
			+ `{"healthy":${row.proxyHealthz.healthy},"nodeEligible":${row.proxyHealthz.nodeEligible},…}`;
	}
	const headers = Object.entries(check.headers).map(([name, value]) => `${name}: ${value}`);
	return [statusLine(check.status), ...headers, '', check.body].join('\n');
}

function verdictText(verdict: string | null, consecutive: number): string {
	switch (verdict) {
		case 'healthy':
			return `✓ healthy (${consecutive} in a row)`;
		case 'unhealthy':
			return `✕ unhealthy (${consecutive} in a row)`;
		case 'initial':
			return `◌ checking (${consecutive} so far)`;
		case 'draining':
			return '⇥ draining (deregistered: no new connections)';
		default:
			return '– not a target';
	}
}

/** A node the load balancer does not probe: kube-proxy's answer is what it would say if asked. */
function unprobedRow(scene: Scene, node: SceneNode, row: HealthCheckRow | undefined): HealthRow {
	const status = row?.healthCheck?.status ?? null;
	return {
		node: node.name,
		internalIp: node.internalIp,
		probed: '— nothing',
		tone: 'idle',
		answer: status === null ? '—' : `· ${status} (nobody asks)`,
		literal: node.gone ? '(the node is gone: nothing answers)' : literalAnswer(row),
		literalTitle: 'What kube-proxy would answer',
		verdict: unprobedVerdict(scene, node),
		proxy: proxyText(row),
	};
}

/** The load balancer's part for a node it does not probe: MetalLB's announcing or advertising nodes, or none. */
export function unprobedVerdict(scene: Pick<Scene, 'loadBalancerKind' | 'announcingNode' | 'advertisingNodes'>,
	node: Pick<SceneNode, 'name'>): string {
	switch (scene.loadBalancerKind) {
		case 'metallb-l2':
			return node.name === scene.announcingNode ? '◉ announces the address (takes every connection)' : '– does not announce';
		case 'metallb-bgp':
			return scene.advertisingNodes.includes(node.name)
				? '◉ advertises a route (the router sends it a share)' : '– advertises no route';
		case 'aws-nlb-ip':
			return '– not a target (the NLB sends to pod IPs)';
		default:
			return '– not probed';
	}
}

/** A TCP probe's outcome as the LB's log says it ("timed out"), or that it is awaited. */
function tcpWords(answer: SceneProbeAnswer): string {
	return answer === null || answer === AWAITING_PROBE ? AWAITING_PROBE : answerWords(0, answer);
}

function proxyText(row: HealthCheckRow | undefined): string {
	return row === undefined ? '—'
		: `${row.proxyHealthz.status} · healthy ${row.proxyHealthz.healthy} · nodeEligible ${row.proxyHealthz.nodeEligible}`;
}

export function healthRows(scene: Scene): HealthRow[] {
	const checks = new Map((scene.statistics?.healthChecks ?? []).map((row) => [row.node, row]));
	return scene.nodes.map((node) => {
		const row = checks.get(node.name);
		if (row !== undefined && row.lbProbe === null) {
			return unprobedRow(scene, node, row);
		}
		// No HTTP status: a TCP probe (the AWS NLB under Cluster) has only its outcome, and an HTTP probe that was refused
		// or timed out has no answer; the server's analysis says which protocol the LB probes with
		const status = node.gone ? 0 : row?.healthCheck?.status ?? node.probeStatus;
		const outcomeOnly = row?.healthCheck == null && status === 0 && node.probeAnswer !== null;
		const tcp = analysedLoadBalancer(scene)?.probe?.protocol === 'TCP';
		return {
			node: node.name,
			internalIp: node.internalIp,
			probed: node.probeTarget === '' ? '—' : node.probeTarget,
			tone: probeOk(status, node.probeAnswer) ? 'ok' : 'fail',
			answer: outcomeOnly ? answerText(0, node.probeAnswer) : `${probeOk(status) ? '✓' : '✕'} ${statusLine(status)}`,
			literal: node.gone ? '(the node is gone: nothing answers)'
				: outcomeOnly ? `${tcp ? 'TCP connect to' : 'HTTP GET'} ${node.probeTarget} — ${tcpWords(node.probeAnswer)} (no HTTP answer)`
					: literalAnswer(row),
			literalTitle: outcomeOnly ? 'What the probe sees' : row?.healthCheck == null ? 'Answer (/healthz timestamps left out)'
				: 'Literal answer',
			verdict: verdictText(node.verdict, node.consecutive),
			proxy: proxyText(row),
		};
	});
}

function createRow(doc: Document): HTMLElement {
	return h(doc, 'tr', {},
		h(doc, 'th', { scope: 'row' }, h(doc, 'span', { class: 'node-name' }), h(doc, 'span', { class: 'node-ip' })),
		h(doc, 'td', { class: 'mono probed', 'data-label': 'LB probes' }),
		h(doc, 'td', { class: 'health-cell', 'data-label': 'Answer now' },
			h(doc, 'span', { class: 'badge answer' }),
			h(doc, 'details', { class: 'http-answer' },
				h(doc, 'summary', { text: 'Literal answer' }),
				h(doc, 'pre', { class: 'http-answer__text' }))),
		h(doc, 'td', { class: 'verdict-cell', 'data-label': 'LB verdict' }),
		h(doc, 'td', { class: 'mono proxy-cell', 'data-label': 'kube-proxy /healthz' }),
	);
}

function updateRow(row: HTMLElement, item: HealthRow): void {
	setText(row.querySelector('.node-name'), item.node);
	setText(row.querySelector('.node-ip'), item.internalIp);
	setText(row.querySelector('.probed'), item.probed);
	const answer = row.querySelector('.answer');
	setText(answer, item.answer);
	if (answer !== null) {
		answer.className = `badge answer badge--${item.tone}`;
	}
	setText(row.querySelector('.http-answer__text'), item.literal);
	setText(row.querySelector('.http-answer summary'), item.literalTitle);
	setText(row.querySelector('.verdict-cell'), item.verdict);
	setText(row.querySelector('.proxy-cell'), item.proxy);
	row.dataset.status = item.answer;
}

export function renderHealth(table: HTMLElement | null, rows: HealthRow[], line: HTMLElement | null, probe: string): void {
	setText(line, probe);
	const body = table?.querySelector('tbody');
	if (body === null || body === undefined) {
		return;
	}
	const doc = body.ownerDocument;
	syncKeyed(body, rows, (row) => row.node, () => createRow(doc), updateRow);
}
