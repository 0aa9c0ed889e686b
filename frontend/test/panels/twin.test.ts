import { describe, expect, it } from 'vitest';
import { endpointSets } from '../../src/panels/twin';

describe('endpointSets', () => {
	it('lists the set external traffic uses first', () => {
		expect(endpointSets(['10.244.1.10'], ['10.244.1.10', '10.244.2.10'], 'Local'))
			.toBe('Local set (external traffic): 10.244.1.10; Cluster set: 10.244.1.10, 10.244.2.10');
		expect(endpointSets(null, ['10.244.1.10'], 'Cluster')).toBe('Cluster set (external traffic): 10.244.1.10');
		expect(endpointSets([], [], 'Local')).toBe('Local set (external traffic): empty; Cluster set: empty');
		expect(endpointSets(undefined, undefined, 'Local')).toBe('not synced yet');
	});
});
