// The packet inspector's content (pure): one connection's headers at every hop, before and after each rewrite, and
// the decisions behind its route in plain words: the LB's choice, the health checks, kube-proxy's endpoint set, SNAT.
import type { Direction, Hop } from '../protocol/events';
import { addressOf, rewritesDestination, rewritesSource } from '../scene/packets';
import { noneHealthyText, probeMeaning, probeSentence } from '../scene/balancer';
import type { ConnectionContext, ConnectionRecord } from '../scene/scene';
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
	/** The load balancer's name when the connection arrived. */
	loadBalancer: string;
}

export function nodePlace(node: string): string {
	return `node ${node} (kube-proxy)`;
}

export function placeName(at: string, places: Places): string {
	if (at === 'lb') {
		return places.loadBalancer;
	}
	if (places.nodes.has(at)) {
		return nodePlace(at);
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

/** What the load balancer checked and what its checks mean, from the server's analysis when the connection arrived. */
function checks(context: ConnectionContext): string {
	const balancer = context.balancer;
	if (balancer === null) {
		return '';
	}
	const name = context.loadBalancerName;
	if (balancer.probe === null) {
		return balancer.kind === 'metallb-l2'
			? `${name} does not probe: the node that answers ARP for the address takes every new connection.`
			: balancer.kind === 'metallb-bgp'
				? `${name} does not probe: the router spreads new connections evenly over the nodes that advertise a route.`
				: `${name} does not probe the nodes.`;
	}
	return `It probes with ${probeSentence(balancer.probe)}: ${probeMeaning(balancer.probe.target)}. `
		+ `If no target passes, ${noneHealthyText(balancer.whenNoneHealthy)}.`;
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
	why.push({ topic: 'Health checks', text: `When it arrived, ${context.loadBalancerName} saw: ${targets}. ${checks(context)}` });
	const proxy = hops.find((hop) => hop.direction === 'request' && places.nodes.has(hop.at));
	if (proxy !== undefined) {
		why.push({ topic: 'Endpoint set', text: proxy.reason });
		why.push({
			topic: 'Masquerade',
			text: rewritesSource(proxy)
				? `SNAT on ${proxy.at}: the source ${addressOf(proxy.srcBefore)} becomes ${addressOf(proxy.srcAfter)}, `
					+ 'so the pod cannot see the client’s address (externalTrafficPolicy: Cluster).'
				: `No SNAT on ${proxy.at}: the source stays ${addressOf(proxy.srcAfter)}`
					+ (context.policy === 'Local' ? ' (externalTrafficPolicy: Local, so kube-proxy does not SNAT).' : '.'),
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
