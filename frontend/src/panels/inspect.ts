// The packet inspector's content (pure): one connection's headers at every hop, before and after each rewrite, and
// the decisions behind its route in plain words: the LB's choice, the health checks, kube-proxy's endpoint set, SNAT.
import type { Direction, Hop } from '../protocol/events';
import { addressOf, rewritesDestination, rewritesSource } from '../scene/packets';
import type { ConnectionRecord } from '../scene/scene';
import { probeWords } from '../scene/labels';

export interface HopRow {
	index: number;
	where: string;
	direction: Direction;
	srcBefore: string;
	srcAfter: string;
	dstBefore: string;
	dstAfter: string;
	srcChanged: boolean;
	dstChanged: boolean;
	reason: string;
}

export interface Decision {
	topic: string;
	text: string;
}

export interface InspectorView {
	title: string;
	summary: string;
	hops: HopRow[];
	why: Decision[];
}

export interface Places {
	nodes: ReadonlySet<string>;
	pods: ReadonlySet<string>;
}

export function placeName(at: string, places: Places): string {
	if (at === 'lb') {
		return 'AWS NLB (instance targets)';
	}
	if (places.nodes.has(at)) {
		return `node ${at} (kube-proxy)`;
	}
	if (places.pods.has(at) || /^[a-z]/.test(at)) {
		return `pod ${at}`;
	}
	return `client ${at}`;
}

function hopRow(hop: Hop, index: number, places: Places): HopRow {
	return {
		index: index + 1,
		where: placeName(hop.at, places),
		direction: hop.direction,
		srcBefore: hop.srcBefore,
		srcAfter: hop.srcAfter,
		dstBefore: hop.dstBefore,
		dstAfter: hop.dstAfter,
		srcChanged: hop.srcBefore !== hop.srcAfter,
		dstChanged: rewritesDestination(hop),
		reason: hop.reason,
	};
}

function verdictSymbol(verdict: string | null): string {
	return verdict === 'healthy' ? '✓ passing' : verdict === 'unhealthy' ? '✕ failing' : verdict === 'initial' ? '◌ not yet checked' : verdict === 'draining' ? '⇥ draining' : '– not a target';
}

function decisions(record: ConnectionRecord, places: Places): Decision[] {
	const { event, context } = record;
	const hops = event.hops;
	const why: Decision[] = [];
	const lb = hops.find((hop) => hop.at === 'lb' && hop.direction === 'request');
	if (lb !== undefined) {
		why.push({ topic: 'Load balancer', text: lb.reason });
	}
	const targets = context.targets
		.map((t) => `${t.node} ${verdictSymbol(t.verdict)} (probe ${probeWords(t.probeStatus, t.probeAnswer)}`
			+ `${t.probeTarget === '' ? '' : ` on ${t.probeTarget}`})`)
		.join('; ');
	why.push({
		topic: 'Health checks',
		text: `When it arrived, the LB (${context.loadBalancer} model) saw: ${targets}. `
			+ (context.policy === 'Local'
				? 'It is an AWS NLB with instance targets: under Local it probes healthCheckNodePort’s /healthz, which '
					+ 'answers 200 only where a Ready endpoint runs. (HTTP GET every 10 s, 6 s timeout, 2 in a row either way.)'
				: 'It is an AWS NLB with instance targets: under Cluster it opens a TCP connection to the NodePort (every '
					+ '10 s, 10 s timeout, 3 in a row either way), which kube-proxy DNATs to one endpoint chosen per probe: '
					+ 'it connects when that endpoint answers and times out when it is a pod on a dead node or a deleted '
					+ 'pod; with no endpoint, kube-proxy refuses it everywhere (R10) and the LB fails open.'),
	});
	const proxy = hops.find((hop) => hop.direction === 'request' && places.nodes.has(hop.at));
	if (proxy !== undefined) {
		why.push({ topic: 'Endpoint set', text: proxy.reason });
		why.push({
			topic: 'Masquerade',
			text: rewritesSource(proxy)
				? `SNAT on ${proxy.at}: the source ${addressOf(proxy.srcBefore)} becomes ${addressOf(proxy.srcAfter)}, `
					+ 'so the pod cannot see the client’s address (externalTrafficPolicy: Cluster).'
				: `No SNAT on ${proxy.at}: the source stays ${addressOf(proxy.srcAfter)}`
					+ (context.policy === 'Local' ? ' (externalTrafficPolicy: Local keeps the client’s address).' : '.'),
		});
	}
	const second = hops.find((hop, i) => i > 0 && hop.direction === 'request' && places.nodes.has(hop.at) && hop !== proxy);
	if (second !== undefined) {
		why.push({ topic: 'Second hop', text: second.reason });
	}
	return why;
}

export function inspectConnection(record: ConnectionRecord, places: Places): InspectorView {
	const { event } = record;
	const hops = event.hops.map((hop, index) => hopRow(hop, index, places));
	const why = decisions(record, places);
	switch (event.type) {
		case 'ConnectionRouted':
			return {
				title: `Connection #${event.connection}: served by ${event.pod}${record.reset ? ', then reset' : ''}`,
				summary: `${event.clientIp} → load balancer → ${event.entryNode}`
					+ `${event.entryNode === event.node ? '' : ` → ${event.node}`} → ${event.pod} (${event.podIp}), `
					+ `which sees the source ${event.sourceSeen}.`
					+ (record.reset ? ` It was reset before it completed: ${record.reset.reason}.` : ''),
				hops,
				why: record.reset ? [...why, { topic: 'Reset', text: record.reset.reason }] : why,
			};
		case 'ConnectionDropped':
			return {
				title: `Connection #${event.connection}: dropped`,
				summary: `${event.clientIp}’s connection was dropped at ${event.node === 'lb' ? 'the load balancer' : event.node}: `
					+ `${event.reason}. The client times out.`,
				hops,
				why: [...why, { topic: 'Drop', text: event.reason }],
			};
		case 'ConnectionRejected':
			return {
				title: `Connection #${event.connection}: refused`,
				summary: `${event.node} refused ${event.clientIp}’s connection at once: ${event.reason}.`,
				hops,
				why: [...why, { topic: 'Reject', text: event.reason }],
			};
	}
}
