import { describe, expect, it } from 'vitest';
import { healthRows } from '../../src/panels/health';
import { probeLine, probeSentence } from '../../src/scene/balancer';
import { applyStatistics } from '../../src/scene/reducers/statistics';
import { sceneFromSnapshot } from '../../src/scene/scene';
import type { ProbeSpec, StatisticsMessage } from '../../src/protocol/events';
import { snapshot, statistics } from '../scene/fixtures';

const HCNP_PROBE: ProbeSpec = {
	protocol: 'HTTP', target: 'health-check-node-port', port: 30273, path: '/healthz',
	intervalSeconds: 10, timeoutSeconds: 6, healthyThreshold: 2, unhealthyThreshold: 2,
};

function withLoadBalancer(message: StatisticsMessage, kind: string, probe: ProbeSpec | null, probed: boolean): StatisticsMessage {
	return {
		...message,
		statistics: {
			...message.statistics,
			exact: { ...message.statistics.exact, loadBalancer: { kind, probe, clientAddressKeptToNode: true, announcingNodes: null } },
			healthChecks: message.statistics.healthChecks.map((row) => (probed ? row : { ...row, lbProbe: null })),
		},
	};
}

describe('the health panel', () => {
	it('shows each probed node’s answer as passing or failing, and the probe the server says the LB sends', () => {
		const scene = applyStatistics(sceneFromSnapshot(snapshot()), withLoadBalancer(statistics(), 'aws-nlb-instance', HCNP_PROBE, true));
		const rows = healthRows(scene);
		expect(rows.map((row) => [row.node, row.tone])).toEqual([['n1', 'ok'], ['n2', 'ok'], ['n3', 'fail']]);
		expect(rows[2]?.probed).toBe('192.168.0.13:30273/healthz');
		expect(probeLine(scene)).toBe('AWS NLB (instance targets) probes with HTTP GET /healthz on the healthCheckNodePort (30273) '
			+ 'every 10 s, timeout 6 s; 2 in a row to turn healthy, 2 to turn unhealthy.');
	});

	it('under MetalLB shows no probe and no verdict: kube-proxy’s answer is idle, and one node announces', () => {
		const before = sceneFromSnapshot(snapshot());
		const scene = { ...applyStatistics(before, withLoadBalancer(statistics(), 'metallb-l2', null, false)),
			loadBalancerKind: 'metallb-l2' as const, loadBalancerName: 'MetalLB (layer 2)', announcingNode: 'n1' };
		const rows = healthRows(scene);
		expect(rows.every((row) => row.tone === 'idle' && row.probed === '— nothing')).toBe(true);
		expect(rows[2]?.answer).toBe('· 503 (nobody asks)');
		expect(rows.map((row) => row.verdict)).toEqual(['◉ announces the address (takes every connection)',
			'– does not announce', '– does not announce']);
		expect(probeLine(scene)).toContain('MetalLB (layer 2) does not probe');
		expect(probeLine(scene)).toContain('(n1)');
	});

	it('under MetalLB BGP names the nodes the router has a route through now, as the server says', () => {
		const message = withLoadBalancer(statistics(), 'metallb-bgp', null, false);
		const exact = message.statistics.exact as Record<string, Record<string, unknown>>;
		// n2 was killed: the steady-state analysis drops it, but the router keeps its route until the hold time ends
		exact.loadBalancer = { ...exact.loadBalancer, announcingNodes: ['n1'] };
		message.statistics.advertisingNodes = ['n1', 'n2'];
		const scene = { ...applyStatistics(sceneFromSnapshot(snapshot()), message),
			loadBalancerKind: 'metallb-bgp' as const, loadBalancerName: 'MetalLB (BGP)' };
		expect(healthRows(scene).map((row) => row.verdict)).toEqual(['◉ advertises a route (the router sends it a share)',
			'◉ advertises a route (the router sends it a share)', '– advertises no route']);
		expect(probeLine(scene)).toContain('over the nodes that advertise a route (n1, n2)');
	});

	it('words a TCP probe of the NodePort without a path', () => {
		expect(probeSentence({ ...HCNP_PROBE, protocol: 'TCP', target: 'node-port', port: 30080, path: null, timeoutSeconds: 10,
			healthyThreshold: 3, unhealthyThreshold: 3 }))
			.toBe('a TCP connect on the NodePort (30080) every 10 s, timeout 10 s; 3 in a row to turn healthy, 3 to turn unhealthy');
	});

	it('says a probe without an HTTP answer is a TCP connect or an HTTP GET as the server’s probe is (GKE’s HTTP check refused under Cilium)', () => {
		const tcpProbe: ProbeSpec = { ...HCNP_PROBE, protocol: 'TCP', target: 'node-port', port: 30080, path: null };
		const httpProbe: ProbeSpec = { ...HCNP_PROBE, target: 'proxy-healthz', port: 10256 };
		const unanswered = (kind: string, probe: ProbeSpec) => {
			const message = withLoadBalancer(statistics(), kind, probe, true);
			message.statistics.healthChecks = message.statistics.healthChecks.map((row) => ({ ...row, healthCheck: null }));
			const scene = applyStatistics(sceneFromSnapshot(snapshot()), message);
			const refused = { ...scene.nodes[0]!, probeStatus: 0, probeAnswer: 'refused' as const, probeTarget: '192.168.0.11:10256/healthz' };
			return healthRows({ ...scene, nodes: [refused] })[0]!;
		};
		expect(unanswered('aws-nlb-instance', tcpProbe).literal).toBe('TCP connect to 192.168.0.11:10256/healthz — refused (no HTTP answer)');
		expect(unanswered('gke-passthrough', httpProbe).literal).toBe('HTTP GET 192.168.0.11:10256/healthz — refused (no HTTP answer)');
		expect(unanswered('gke-passthrough', httpProbe).tone).toBe('fail');
	});
});
