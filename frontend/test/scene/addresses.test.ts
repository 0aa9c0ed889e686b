import { describe, expect, it } from 'vitest';
import { classifySource, describeSource } from '../../src/scene/addresses';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { snapshot } from './fixtures';

describe('classifySource', () => {
	const scene = sceneFromSnapshot(snapshot());

	it('tells a client address from node addresses', () => {
		expect(classifySource('203.0.113.10', scene)).toEqual({ kind: 'client' });
		expect(classifySource('192.168.0.13', scene)).toEqual({ kind: 'node', node: 'n3', what: 'InternalIP' });
		expect(classifySource('10.244.1.1', scene)).toEqual({ kind: 'node', node: 'n1', what: 'pod-network gateway' });
		expect(classifySource('10.244.2.10', scene)).toEqual({ kind: 'pod', pod: 'web-4' });
		expect(classifySource('8.8.8.8', scene)).toEqual({ kind: 'other' });
	});

	it('describes them in plain words', () => {
		expect(describeSource({ kind: 'node', node: 'n1', what: 'InternalIP' })).toBe("n1's InternalIP (SNAT)");
		expect(describeSource({ kind: 'client' })).toBe('client address (source kept)');
	});
});
