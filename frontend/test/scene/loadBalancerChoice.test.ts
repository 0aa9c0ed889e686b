import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/scene/applyEvent';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { nameLines } from '../../src/render/draw/structure';
import { snapshot } from './fixtures';
import type { NodeState, TargetState } from '../../src/protocol/events';

describe('the load balancer and dataplane in the scene', () => {
	it('defaults to the AWS NLB with kube-proxy for a snapshot that names neither', () => {
		const scene = sceneFromSnapshot(snapshot());
		expect(scene.loadBalancerKind).toBe('aws-nlb-instance');
		expect(scene.loadBalancerName).toBe('AWS NLB (instance targets)');
		expect(scene.dataplane).toBe('kube-proxy');
	});

	it('follows LoadBalancerKindChanged and DataplaneChanged', () => {
		let scene = sceneFromSnapshot(snapshot());
		expect(scene.spreadKnob).toBe(true);
		scene = applyEvent(scene, { type: 'LoadBalancerKindChanged', time: 1, kind: 'metallb-l2', name: 'MetalLB (L2)', spreadKnob: false,
			nodes: [] });
		scene = applyEvent(scene, { type: 'DataplaneChanged', time: 2, dataplane: 'cilium-dsr' });
		expect(scene.loadBalancerKind).toBe('metallb-l2');
		expect(scene.loadBalancerName).toBe('MetalLB (L2)');
		// MetalLB spreads as it does: the even/weighted knob has nothing to tune
		expect(scene.spreadKnob).toBe(false);
		expect(scene.dataplane).toBe('cilium-dsr');
	});

	it("takes the new load balancer's probes and verdicts on the nodes: the old one's no longer hold", () => {
		let scene = sceneFromSnapshot(snapshot());
		const [first, second] = scene.nodes.map((node) => node.name);
		const state = (name: string, verdict: TargetState | null, consecutive: number, probeTarget: string): NodeState => ({
			name, internalIp: '192.168.0.1', zone: null, cordoned: false, gone: false, probeTarget, probeStatus: 0,
			probeAnswer: null, verdict, consecutive, conntrackEntries: 0, programmedAt: 0,
		});
		scene = applyEvent(scene, { type: 'LoadBalancerKindChanged', time: 1, kind: 'metallb-l2', name: 'MetalLB (L2)', spreadKnob: false,
			nodes: [state(first, null, 0, ''), state(second, null, 0, '')] });
		expect(scene.nodes.slice(0, 2).map((node) => [node.verdict, node.probeTarget])).toEqual([[null, ''], [null, '']]);
		// back to a load balancer that probes nodes: its verdicts and counts from the start, not "none passes" or
		// "healthy (0 in a row)" until its first probes
		scene = applyEvent(scene, { type: 'LoadBalancerKindChanged', time: 2, kind: 'azure', name: 'Azure Standard LB', spreadKnob: false,
			nodes: [state(first, 'healthy', 2, '192.168.0.11:30080'), state(second, 'unhealthy', 2, '192.168.0.12:30080')] });
		expect(scene.nodes.slice(0, 2).map((node) => [node.verdict, node.consecutive, node.probeTarget]))
			.toEqual([['healthy', 2, '192.168.0.11:30080'], ['unhealthy', 2, '192.168.0.12:30080']]);
	});

	it('splits the name before its parenthesis for the canvas', () => {
		expect(nameLines('AWS NLB (instance targets)')).toEqual(['AWS NLB', '(instance targets)']);
		expect(nameLines('Azure Standard LB')).toEqual(['Azure Standard LB', '']);
	});
});
