import { describe, expect, it } from 'vitest';
import { describeSource, sourceCategory, sourceOf } from '../../src/scene/addresses';
import type { SourceAddress } from '../../src/protocol/events';

describe('sourceOf', () => {
	const pod = {
		sources: [
			{ address: '203.0.113.10', kind: 'client', node: null },
			{ address: '192.168.0.13', kind: 'internal-ip', node: 'n3' },
			{ address: '10.244.1.1', kind: 'pod-gateway', node: 'n1' },
		] satisfies SourceAddress[],
	};

	it('takes whose an address is from the server', () => {
		expect(sourceOf(pod, '203.0.113.10')).toEqual({ address: '203.0.113.10', kind: 'client', node: null });
		expect(sourceOf(pod, '192.168.0.13')).toEqual({ address: '192.168.0.13', kind: 'internal-ip', node: 'n3' });
		expect(sourceOf(pod, '10.244.1.1')).toEqual({ address: '10.244.1.1', kind: 'pod-gateway', node: 'n1' });
		expect(pod.sources.map(sourceCategory)).toEqual(['client', 'node', 'node']);
	});

	it('does not guess an address the server did not name, even one in a node’s pod subnet', () => {
		expect(sourceOf(pod, '10.244.1.254')).toEqual({ address: '10.244.1.254', kind: 'other', node: null });
		expect(sourceCategory(sourceOf(pod, '8.8.8.8'))).toBe('other');
	});

	it('describes them in plain words', () => {
		expect(describeSource({ address: '192.168.0.11', kind: 'internal-ip', node: 'n1' })).toBe("n1's InternalIP (SNAT)");
		expect(describeSource({ address: '10.244.1.1', kind: 'pod-gateway', node: 'n1' }))
			.toBe("n1's pod-network gateway (SNAT)");
		expect(describeSource({ address: '203.0.113.10', kind: 'client', node: null })).toBe('client address (source kept)');
		expect(describeSource({ address: '8.8.8.8', kind: 'other', node: null })).toBe('other address');
	});
});

describe('a tunnel address (the overlay network)', () => {
	it('is a node address, named as the node’s flannel.1', () => {
		const tunnel: SourceAddress = { address: '10.244.3.0', kind: 'tunnel', node: 'n3' };
		expect(sourceCategory(tunnel)).toBe('node');
		expect(describeSource(tunnel)).toBe("n3's flannel.1 address (SNAT over the overlay)");
	});
});
