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
		scene = applyEvent(scene, { type: 'LoadBalancerKindChanged', time: 1, kind: 'metallb-l2', name: 'MetalLB (L2)', spreadKnob: false });
		scene = applyEvent(scene, { type: 'DataplaneChanged', time: 2, dataplane: 'cilium-dsr' });
		expect(scene.loadBalancerKind).toBe('metallb-l2');
		expect(scene.loadBalancerName).toBe('MetalLB (L2)');
		// MetalLB spreads as it does: the even/weighted knob has nothing to tune
		expect(scene.spreadKnob).toBe(false);
		expect(scene.dataplane).toBe('cilium-dsr');
	});

	it('splits the name before its parenthesis for the canvas', () => {
		expect(nameLines('AWS NLB (instance targets)')).toEqual(['AWS NLB', '(instance targets)']);
		expect(nameLines('Azure Standard LB')).toEqual(['Azure Standard LB', '']);
	});
});
