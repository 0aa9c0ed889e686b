import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/scene/applyEvent';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { nameLines } from '../../src/render/draw/structure';
import { snapshot } from './fixtures';

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
		const unprobed = Object.fromEntries(scene.nodes.map((node) => [node.name, null]));
		scene = applyEvent(scene, { type: 'LoadBalancerKindChanged', time: 1, kind: 'metallb-l2', name: 'MetalLB (L2)', spreadKnob: false,
			verdicts: unprobed });
		scene = applyEvent(scene, { type: 'DataplaneChanged', time: 2, dataplane: 'cilium-dsr' });
		expect(scene.loadBalancerKind).toBe('metallb-l2');
		expect(scene.loadBalancerName).toBe('MetalLB (L2)');
		// MetalLB spreads as it does: the even/weighted knob has nothing to tune
		expect(scene.spreadKnob).toBe(false);
		expect(scene.dataplane).toBe('cilium-dsr');
	});

	it("takes the new load balancer's verdicts on the nodes: the old one's no longer hold", () => {
		let scene = sceneFromSnapshot(snapshot());
		const [first, second] = scene.nodes.map((node) => node.name);
		scene = applyEvent(scene, { type: 'LoadBalancerKindChanged', time: 1, kind: 'metallb-l2', name: 'MetalLB (L2)', spreadKnob: false,
			verdicts: { [first]: null, [second]: null } });
		expect(scene.nodes.slice(0, 2).map((node) => node.verdict)).toEqual([null, null]);
		// back to a load balancer that probes nodes: its verdicts from the start, not "none passes" until its first probes
		scene = applyEvent(scene, { type: 'LoadBalancerKindChanged', time: 2, kind: 'azure', name: 'Azure Standard LB', spreadKnob: false,
			verdicts: { [first]: 'healthy', [second]: 'unhealthy' } });
		expect(scene.nodes.slice(0, 2).map((node) => node.verdict)).toEqual(['healthy', 'unhealthy']);
	});

	it('splits the name before its parenthesis for the canvas', () => {
		expect(nameLines('AWS NLB (instance targets)')).toEqual(['AWS NLB', '(instance targets)']);
		expect(nameLines('Azure Standard LB')).toEqual(['Azure Standard LB', '']);
	});
});
