import { describe, expect, it } from 'vitest';
import { endpointSets, PER_ZONE, spreading, twinSummary } from '../../src/panels/twin';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { snapshot } from '../scene/fixtures';
import { NO_SERVICE } from '../../src/scene/service';
import type { LoadBalancerAnalysis, SimulationStatistics, Spread } from '../../src/protocol/events';

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
	it('says what the server analysed, and weights by Ready local endpoints only where a healthCheckNodePort sends the weight (R18, R20)', () => {
		const local = { ...NO_SERVICE, externalTrafficPolicy: 'Local' as const, healthCheckNodePort: 32000 };
		const cluster = { ...NO_SERVICE, externalTrafficPolicy: 'Cluster' as const };
		expect(spreading({ statistics: analysed('per-zone'), service: local })).toBe(PER_ZONE);
		expect(spreading({ statistics: analysed('even-over-targets'), service: local })).toBe('evenly');
		expect(spreading({ statistics: analysed('weighted-by-header'), service: local })).toContain('X-Load-Balancing-Endpoint-Weight');
		expect(spreading({ statistics: analysed('weighted-by-header'), service: cluster })).toMatch(/^evenly/);
		expect(spreading({ statistics: null, service: local })).toContain('first statistics');
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
		expect(twinSummary({ ...scene, statistics: analysed('per-zone') })).toContain('The load balancer spreads new connections per zone');
	});

	it('does not say per zone for a load balancer the server analysed as spreading evenly (Azure, GKE, cross-zone on)', () => {
		const scene = { ...sceneFromSnapshot(snapshot()), loadBalancerKind: 'azure' as const, statistics: analysed('even-over-targets') };
		const text = twinSummary(scene);
		expect(text).toContain('The load balancer spreads new connections evenly over the nodes that pass');
		expect(text).not.toContain('per zone');
	});
});

/** Statistics whose exact analysis says how the load balancer spreads (the rest of the message is not read here). */
function analysed(spread: Spread): SimulationStatistics {
	const loadBalancer: LoadBalancerAnalysis = { kind: 'aws-nlb-instance', probe: null, clientAddressKeptToNode: true, announcingNodes: null, spread };
	return { exact: { loadBalancer } } as unknown as SimulationStatistics;
}
