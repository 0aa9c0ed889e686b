// The load balancer in front of the Service as the server analysed it (the statistics' exact analysis): what it
// probes under the current policy, or that it does not probe.
import type { LoadBalancerAnalysis, NoHealthy, ProbeSpec, ProbeTarget } from '../protocol/events';
import type { Scene } from './scene';

/** The server's analysis of the load balancer; null before the first statistics and for a Service without one. */
export function analysedLoadBalancer(scene: Pick<Scene, 'statistics'>): LoadBalancerAnalysis | null {
	const analysis = scene.statistics?.exact.loadBalancer;
	return typeof analysis === 'object' && analysis !== null ? analysis as LoadBalancerAnalysis : null;
}

const TARGETS: Record<ProbeTarget, string> = {
	'health-check-node-port': 'the healthCheckNodePort',
	'node-port': 'the NodePort',
	'proxy-healthz': 'kube-proxy’s health port',
	'pod-port': 'each pod’s port',
};

/** What one probe of a target tells the load balancer, by where the probe lands. */
const MEANINGS: Record<ProbeTarget, string> = {
	'health-check-node-port': 'the healthCheckNodePort answers 200 on a node with a Ready local endpoint and 503 on the '
		+ 'others (R18)',
	'node-port': 'kube-proxy DNATs the probe like any connection, to one endpoint chosen per probe: it connects when '
		+ 'that endpoint answers and times out when it is a pod on a dead node or a deleted pod; with no endpoint '
		+ 'anywhere, kube-proxy refuses it on every node (R10)',
	'proxy-healthz': 'kube-proxy’s /healthz answers 200 while its rules are in sync and the node is not being deleted, '
		+ 'whatever the Service’s endpoints (R19)',
	'pod-port': 'each pod is a target of its own and passes while it accepts connections on its port',
};

export function probeMeaning(target: ProbeTarget): string {
	return MEANINGS[target];
}

/** What the load balancer does when no target passes, as the server's catalogue says. */
const NONE_HEALTHY: Record<NoHealthy, string> = {
	'fail-open': 'it fails open and spreads new connections over every target it registers',
	'no-new-flows': 'it sends no new connections (Azure’s default when every probe is down)',
	'lb-closes': 'it accepts the client’s connection and closes it (the Classic ELB has no InService instance)',
	'not-announced': 'no node announces the address and nothing answers for it',
};

export function noneHealthyText(behaviour: NoHealthy): string {
	return NONE_HEALTHY[behaviour];
}

/** "HTTP GET /healthz on the healthCheckNodePort (32000) every 10 s, timeout 6 s; 2 to turn healthy, 2 unhealthy". */
export function probeSentence(probe: ProbeSpec): string {
	const what = probe.protocol === 'HTTP' ? `HTTP GET ${probe.path ?? '/'}` : 'a TCP connect';
	const port = probe.port > 0 ? ` (${probe.port})` : '';
	return `${what} on ${TARGETS[probe.target]}${port} every ${probe.intervalSeconds} s, timeout ${probe.timeoutSeconds} s; `
		+ `${probe.healthyThreshold} in a row to turn healthy, ${probe.unhealthyThreshold} to turn unhealthy`;
}

/** What the health panel says of the load balancer's checks, from the server's analysis. */
export function probeLine(scene: Pick<Scene, 'statistics' | 'loadBalancerName' | 'announcingNode' | 'advertisingNodes'>): string {
	const analysis = analysedLoadBalancer(scene);
	if (analysis === null) {
		return scene.statistics === null ? 'Waiting for statistics…' : 'No load balancer probes this Service’s nodes.';
	}
	if (analysis.probe !== null) {
		return `${scene.loadBalancerName} probes with ${probeSentence(analysis.probe)}.`;
	}
	if (analysis.kind === 'metallb-l2') {
		return `${scene.loadBalancerName} does not probe: the node that answers ARP for the address takes every new `
			+ `connection (${scene.announcingNode ?? 'none now'}). kube-proxy still serves the health check; nothing asks it.`;
	}
	if (analysis.kind === 'metallb-bgp') {
		const advertising = scene.advertisingNodes;
		return `${scene.loadBalancerName} does not probe: the router spreads new connections evenly over the nodes that `
			+ `advertise a route (${advertising.length === 0 ? 'none now' : advertising.join(', ')}).`;
	}
	return `${scene.loadBalancerName} does not probe the nodes.`;
}
