import { describe, expect, it } from 'vitest';
import { endpointSets, PER_ZONE, spreading } from '../../src/panels/twin';
import { NO_SERVICE } from '../../src/scene/service';

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
	it('weights by Ready local endpoints only where a healthCheckNodePort sends the weight (R18, R20)', () => {
		const local = { ...NO_SERVICE, externalTrafficPolicy: 'Local' as const, healthCheckNodePort: 32000 };
		const cluster = { ...NO_SERVICE, externalTrafficPolicy: 'Cluster' as const };
		expect(spreading({ loadBalancer: 'even', service: local })).toBe(PER_ZONE);
		expect(spreading({ loadBalancer: 'weighted', service: local })).toContain('X-Load-Balancing-Endpoint-Weight');
		expect(spreading({ loadBalancer: 'weighted', service: cluster })).toMatch(/^evenly/);
	});
});
