import { describe, expect, it } from 'vitest';
import { inspectConnection, placeName } from '../../src/panels/inspect';
import { applyEvent } from '../../src/scene/applyEvent';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { droppedAtN3, routedViaN3, snapshot } from '../scene/fixtures';

const places = { nodes: new Set(['n1', 'n2', 'n3']), pods: new Set(['web-4']) };

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

	it('says what the AWS NLB probes under each policy: /healthz under Local, a TCP connect to the NodePort under Cluster (R20)', () => {
		const local = inspectConnection({ ...scene.connections.get(9)!, context: { ...scene.connections.get(9)!.context, policy: 'Local' } }, places);
		expect(local.why[1].text).toContain('under Local it probes healthCheckNodePort’s /healthz, which answers 200 only where a Ready endpoint runs.');
		const cluster = inspectConnection({ ...scene.connections.get(9)!, context: { ...scene.connections.get(9)!.context, policy: 'Cluster' } }, places);
		expect(cluster.why[1].text).toContain('under Cluster it opens a TCP connection to the NodePort');
		expect(cluster.why[1].text).toContain('kube-proxy refuses it everywhere (R10) and the LB fails open');
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
