import { describe, expect, it } from 'vitest';
import { inspectConnection, placeName } from '../../src/panels/inspect';
import { applyEvent } from '../../src/scene/applyEvent';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { droppedAtN3, routedViaN3, snapshot } from '../scene/fixtures';
import type { LoadBalancerAnalysis, ProbeSpec } from '../../src/protocol/events';

function nlb(probe: ProbeSpec | null): LoadBalancerAnalysis {
	return { kind: 'aws-nlb-instance', probe, clientAddressKeptToNode: true, announcingNodes: null, spread: 'per-zone', whenNoneHealthy: 'fail-open' };
}

const places = { nodes: new Set(['n1', 'n2', 'n3']), pods: new Set(['web-4']), loadBalancer: 'AWS NLB (instance targets)' };

describe('inspectConnection', () => {
	const scene = applyEvent(applyEvent(sceneFromSnapshot(snapshot()), routedViaN3(9, 1_000_000)), droppedAtN3(10, 1_000_100));

	it('lists every hop with the rewritten fields marked', () => {
		const view = inspectConnection(scene.connections.get(9)!, places);
		expect(view.title).toBe('Connection #9: served by web-4');
		expect(view.summary).toContain('→ n3 → n2 → web-4 (10.244.2.10), which sees the source 192.168.0.13');
		expect(view.hops).toHaveLength(10);
		const snat = view.hops[2];
		expect(snat.where).toBe('node n3 (kube-proxy)');
		expect([snat.srcBefore, snat.srcAfter, snat.srcChanged, snat.dstChanged])
			.toEqual(['203.0.113.10:40000', '192.168.0.13:40000', true, true]);
		expect(view.hops[3].srcChanged).toBe(false);
		expect(view.hops[9].direction).toBe('reply');
	});

	it('explains the LB choice, the health checks, the endpoint set, the masquerade and the second hop', () => {
		const view = inspectConnection(scene.connections.get(9)!, places);
		expect(view.why.map((d) => d.topic)).toEqual(['Load balancer', 'Health checks', 'Endpoint set', 'Masquerade', 'Second hop']);
		expect(view.why[1].text).toContain('n3 ✕ failing (probe answers 503 on 192.168.0.13:30273/healthz)');
		expect(view.why[3].text).toBe('SNAT on n3: the source 203.0.113.10 becomes 192.168.0.13, so the pod cannot see the '
			+ 'client’s address (externalTrafficPolicy: Cluster).');
	});

	it('says what the load balancer probed and what that means, from the server’s analysis when the connection arrived', () => {
		const record = scene.connections.get(9)!;
		const withBalancer = (policy: 'Local' | 'Cluster', loadBalancerName: string, balancer: LoadBalancerAnalysis) =>
			inspectConnection({ ...record, context: { ...record.context, policy, loadBalancerName, balancer } }, places);
		const local = withBalancer('Local', 'AWS NLB (instance targets)', nlb({
			protocol: 'HTTP', target: 'health-check-node-port', port: 32000, path: '/healthz', intervalSeconds: 10,
			timeoutSeconds: 6, healthyThreshold: 2, unhealthyThreshold: 2,
		}));
		expect(local.why[1].text).toContain('When it arrived, AWS NLB (instance targets) saw: n1');
		expect(local.why[1].text).toContain('It probes with HTTP GET /healthz on the healthCheckNodePort (32000) every 10 s, '
			+ 'timeout 6 s; 2 in a row to turn healthy, 2 to turn unhealthy: the healthCheckNodePort answers 200 on a node '
			+ 'with a Ready local endpoint and 503 on the others (R18).');
		const cluster = withBalancer('Cluster', 'AWS NLB (instance targets)', nlb({
			protocol: 'TCP', target: 'node-port', port: 30080, path: null, intervalSeconds: 10, timeoutSeconds: 10,
			healthyThreshold: 3, unhealthyThreshold: 3,
		}));
		expect(cluster.why[1].text).toContain('a TCP connect on the NodePort (30080) every 10 s');
		expect(cluster.why[1].text).toContain('kube-proxy refuses it on every node (R10). If no target passes, it fails open');
		const gke = withBalancer('Cluster', 'GKE passthrough NLB', {
			kind: 'gke-passthrough', clientAddressKeptToNode: true, announcingNodes: null, spread: 'even-over-targets',
			whenNoneHealthy: 'fail-open', probe: {
				protocol: 'HTTP', target: 'proxy-healthz', port: 10256, path: '/healthz', intervalSeconds: 8,
				timeoutSeconds: 1, healthyThreshold: 1, unhealthyThreshold: 3,
			},
		});
		expect(gke.why[1].text).toContain('every 8 s, timeout 1 s; 1 in a row to turn healthy, 3 to turn unhealthy: '
			+ 'kube-proxy’s /healthz answers 200 while its rules are in sync');
		expect(gke.why[1].text).not.toContain('AWS');
		const azure = withBalancer('Local', 'Azure Load Balancer', {
			...nlb({ protocol: 'HTTP', target: 'health-check-node-port', port: 32000, path: '/healthz', intervalSeconds: 5,
				timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 2 }),
			kind: 'azure', spread: 'even-over-targets', whenNoneHealthy: 'no-new-flows',
		});
		expect(azure.why[1].text).toMatch(/^When it arrived, Azure Load Balancer saw: .* every 5 s, timeout 5 s; .*If no target passes, it sends no new connections \(Azure’s default when every probe is down\)\.$/);
		expect(withBalancer('Local', 'MetalLB (layer 2)', { ...nlb(null), kind: 'metallb-l2', whenNoneHealthy: 'not-announced' })
			.why[1].text).toContain('MetalLB (layer 2) does not probe: the node that answers ARP for the address takes every new connection.');
	});

	it('tells where and why a connection was dropped', () => {
		const view = inspectConnection(scene.connections.get(10)!, places);
		expect(view.title).toBe('Connection #10: dropped');
		expect(view.summary).toBe('203.0.113.10’s connection was dropped at n3: n3 has no local endpoint. The client times out.');
		expect(view.why.at(-1)).toEqual({ topic: 'Drop', text: 'n3 has no local endpoint' });
		expect(view.why.find((d) => d.topic === 'Masquerade')?.text).toContain('No SNAT on n3');
	});

	it('names the places', () => {
		expect(['lb', 'n1', 'web-4', '198.51.100.7'].map((at) => placeName(at, places)))
			.toEqual(['AWS NLB (instance targets)', 'node n1 (kube-proxy)', 'pod web-4', 'client 198.51.100.7']);
		expect(placeName('lb', { ...places, loadBalancer: 'MetalLB (BGP)' })).toBe('MetalLB (BGP)');
	});
});

describe('a connection the load balancer reset', () => {
	it('keeps the reset and its reason for the inspector', () => {
		const routed = applyEvent(sceneFromSnapshot(snapshot()), routedViaN3(9, 1_000_000));
		const reason = 'the load balancer marked n3 unhealthy and sends a TCP RST on its established client connections';
		const scene = applyEvent(routed, {
			type: 'ConnectionReset', time: 1_000_200, connection: 9, clientIp: '203.0.113.10', pod: 'web-4', node: 'n2',
			reason,
		});
		const view = inspectConnection(scene.connections.get(9)!, places);
		expect(view.title).toBe('Connection #9: served by web-4, then reset');
		expect(view.summary).toContain(`It was reset before it completed: ${reason}.`);
		expect(view.why.at(-1)).toEqual({ topic: 'Reset', text: reason });
	});
});
