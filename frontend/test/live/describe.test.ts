import { describe, expect, it } from 'vitest';
import type { SimulationEvent } from '../../src/protocol/events';
import { describeEvent, formatSimTime } from '../../src/live/describe';

describe('formatSimTime', () => {
	it('shows seconds with milliseconds', () => {
		expect(formatSimTime(12_345_678)).toBe('12.346 s');
		expect(formatSimTime(0)).toBe('0.000 s');
	});
});

describe('describeEvent', () => {
	it('names client, entry node, pod and the source the pod sees', () => {
		const event: SimulationEvent = {
			type: 'ConnectionRouted', time: 1, connection: 7, clientIp: '203.0.113.10', entryNode: 'n1', node: 'n2',
			pod: 'web-1', podIp: '10.244.2.5', sourceSeen: '192.168.0.11', hops: [], completesAt: 2,
		};
		expect(describeEvent(event)).toBe('#7 from 203.0.113.10 via n1 to web-1 on n2, which sees 192.168.0.11');
	});

	it('says when a node is not used by kube-proxy and when a target is deregistered', () => {
		expect(describeEvent({ type: 'ProxyRulesSynced', time: 0, node: 'n1', clusterEndpoints: ['10.0.0.1'],
			localEndpoints: null })).toBe('kube-proxy on n1 synced: cluster [10.0.0.1], local unused');
		expect(describeEvent({ type: 'LoadBalancerTargetChanged', time: 0, node: 'n3', pod: null, from: 'healthy', to: null,
			reason: 'node gone' })).toBe('LB target n3: healthy → deregistered (node gone)');
		expect(describeEvent({ type: 'LoadBalancerTargetChanged', time: 0, node: 'n2', pod: 'web-4', from: 'healthy',
			to: 'draining', reason: 'web-4 is terminating' })).toBe('LB target web-4: healthy → draining (web-4 is terminating)');
	});

	it('says until when a terminating pod serves, why, and when it stopped', () => {
		expect(describeEvent({ type: 'PodTerminating', time: 10_000_000, pod: 'web-1', node: 'n2', deletesAt: 35_000_000,
			reason: 'evicted', stopsServingAt: 35_000_000, shutdown: 'web: preStop sleep 25 s ended', serving: true }))
			.toBe('web-1 on n2 terminating until 35.000 s (evicted); serves until 35.000 s: web: preStop sleep 25 s ended');
		expect(describeEvent({ type: 'PodTerminating', time: 0, pod: 'web-1', node: 'n2', deletesAt: -1,
			reason: 'evicted', stopsServingAt: -1, shutdown: null, serving: false })).toBe('web-1 on n2 terminating (evicted)');
		expect(describeEvent({ type: 'PodStoppedServing', time: 0, pod: 'web-1', node: 'n2',
			reason: 'web: the app exited on SIGTERM' })).toBe('web-1 on n2 stopped serving: web: the app exited on SIGTERM');
	});

	it('describes a pending pod', () => {
		expect(describeEvent({ type: 'PodScheduled', time: 0, pod: 'web-2', node: null, podIp: null,
			workload: 'Deployment/web', reason: 'no node fits' })).toBe('web-2 pending: no node fits');
	});
});
