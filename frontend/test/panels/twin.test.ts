import { describe, expect, it } from 'vitest';
import { endpointSets, PER_ZONE, spreading, twinSummary } from '../../src/panels/twin';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { snapshot } from '../scene/fixtures';
import type { LoadBalancerAnalysis, NoHealthy, SimulationStatistics, Spread } from '../../src/protocol/events';

describe('endpointSets', () => {
	it('lists the set external traffic uses first', () => {
		expect(endpointSets(['10.244.1.10'], ['10.244.1.10', '10.244.2.10'], 'Local'))
			.toBe('Local set (external traffic): 10.244.1.10; Cluster set: 10.244.1.10, 10.244.2.10');
		expect(endpointSets(null, ['10.244.1.10'], 'Cluster')).toBe('Cluster set (external traffic): 10.244.1.10');
		expect(endpointSets([], [], 'Local')).toBe('Local set (external traffic): empty; Cluster set: empty');
		expect(endpointSets(undefined, undefined, 'Local')).toBe('not synced yet');
	});
});

describe('spreading', () => {
	it('says what the server analysed (R18’s weights decided there, not here)', () => {
		expect(spreading({ statistics: analysed('per-zone') })).toBe(PER_ZONE);
		expect(spreading({ statistics: analysed('even-over-targets') })).toBe('evenly');
		expect(spreading({ statistics: analysed('weighted-by-header') })).toContain('X-Load-Balancing-Endpoint-Weight');
		expect(spreading({ statistics: null })).toContain('first statistics');
	});
});

describe('twinSummary', () => {
	it('says MetalLB in layer 2 probes nothing and names the node that answers ARP, as the server reported it', () => {
		const scene = sceneFromSnapshot(snapshot());
		const l2 = { ...scene, loadBalancerKind: 'metallb-l2' as const, announcingNode: 'n1', loadBalancerHostname: null };
		const text = twinSummary(l2);
		expect(text).toContain('MetalLB (layer 2) probes nothing: n1 answers ARP for');
		expect(text).not.toContain('per zone');
		expect(twinSummary({ ...l2, announcingNode: null })).toContain('no node answers ARP');
		expect(twinSummary({ ...scene, statistics: analysed('per-zone') })).toContain('AWS NLB (instance targets) spreads new connections per zone');
	});

	it('does not say per zone for a load balancer the server analysed as spreading evenly (Azure, GKE, cross-zone on)', () => {
		const scene = { ...sceneFromSnapshot(snapshot()), loadBalancerKind: 'azure' as const, statistics: analysed('even-over-targets') };
		const text = twinSummary(scene);
		expect(text).toContain('spreads new connections evenly over the nodes that pass');
		expect(text).not.toContain('per zone');
	});

	it('says what the load balancer does when no node passes, as the server’s catalogue says (Azure sends nothing)', () => {
		const scene = sceneFromSnapshot(snapshot());
		const failing = scene.nodes.map((node) => ({ ...node, verdict: 'unhealthy' as const }));
		expect(twinSummary({ ...scene, nodes: failing, statistics: analysed('per-zone') }))
			.toContain('pass its health check: none, so it fails open and spreads new connections over every target it registers.');
		expect(twinSummary({ ...scene, nodes: failing, loadBalancerKind: 'azure', statistics: analysed('even-over-targets', 'no-new-flows') }))
			.toContain('pass its health check: none, so it sends no new connections (Azure’s default when every probe is down).');
	});

	it('names the nodes that advertise a route under MetalLB BGP', () => {
		const scene = { ...sceneFromSnapshot(snapshot()), loadBalancerKind: 'metallb-bgp' as const, loadBalancerHostname: null };
		expect(twinSummary({ ...scene, advertisingNodes: ['n1', 'n2'], statistics: analysed('ecmp-per-node', 'not-announced') }))
			.toContain('MetalLB (BGP) probes nothing: the router spreads new connections evenly per advertising node (the router’s ECMP) over the nodes that advertise a route to');
		expect(twinSummary({ ...scene, advertisingNodes: [] })).toContain('no node advertises a route');
	});
});

describe('twinSummary with ip targets', () => {
	it('says the NLB sends to the pods, not that no node passes and it fails open', () => {
		const scene = sceneFromSnapshot(snapshot());
		const message = analysed('per-zone');
		const exact = message.exact as unknown as { loadBalancer: LoadBalancerAnalysis };
		exact.loadBalancer = { ...exact.loadBalancer, kind: 'aws-nlb-ip', probe: {
			protocol: 'TCP', target: 'pod-port', port: 8080, path: null, intervalSeconds: 10, timeoutSeconds: 10,
			healthyThreshold: 3, unhealthyThreshold: 3,
		} };
		const nodes = scene.nodes.map((node) => ({ ...node, verdict: null }));
		const text = twinSummary({ ...scene, nodes, loadBalancerKind: 'aws-nlb-ip', loadBalancerName: 'AWS NLB (ip targets)', statistics: message });
		expect(text).toContain('AWS NLB (ip targets) sends new connections straight to the pods’ IPs, per zone');
		expect(text).not.toContain('fails open');
	});
});

/** Statistics whose exact analysis says how the load balancer spreads (the rest of the message is not read here). */
function analysed(spread: Spread, whenNoneHealthy: NoHealthy = 'fail-open'): SimulationStatistics {
	const loadBalancer: LoadBalancerAnalysis = {
		kind: 'aws-nlb-instance', probe: null, clientAddressKeptToNode: true, announcingNodes: null, spread, whenNoneHealthy,
	};
	return { exact: { loadBalancer } } as unknown as SimulationStatistics;
}
