import { describe, expect, it } from 'vitest';
import { queryWithChoice } from '../../src/analyzer/catalogueChoice';

describe('queryWithChoice', () => {
	it('names a load balancer other than the default', () => {
		expect(queryWithChoice('', 'loadBalancer', 'metallb-l2')).toBe('?loadBalancer=metallb-l2');
	});

	it('drops the even/weighted choice when another load balancer is chosen', () => {
		expect(queryWithChoice('?lb=weighted', 'loadBalancer', 'azure')).toBe('?loadBalancer=azure');
	});

	it('leaves a default out of a query without an example', () => {
		expect(queryWithChoice('?loadBalancer=azure&dataplane=cilium-dsr', 'loadBalancer', 'generic'))
			.toBe('?dataplane=cilium-dsr');
		expect(queryWithChoice('?dataplane=cilium-dsr', 'dataplane', 'kube-proxy')).toBe('');
	});

	it('keeps the load balancer named beside an example, so the shared link analyzes it', () => {
		expect(queryWithChoice('?example=uneven-3-1-0&loadBalancer=metallb-l2', 'loadBalancer', 'generic'))
			.toBe('?example=uneven-3-1-0&loadBalancer=generic');
	});
});
