import { describe, expect, it } from 'vitest';
import { probeText } from '../../src/live/liveView';
import type { HealthCheckRow } from '../../src/protocol/events';

function row(lbProbe: HealthCheckRow['lbProbe']): HealthCheckRow {
	return {
		node: 'n1', healthCheck: null, lbProbe,
		proxyHealthz: { status: 200, headers: {}, body: '{}', healthy: true, nodeEligible: true } as unknown as HealthCheckRow['proxyHealthz'],
	};
}

describe('the live page’s health-check column', () => {
	it('shows the load balancer’s own probe: under Cluster the NLB’s TCP connect to the NodePort, not kube-proxy’s /healthz', () => {
		expect(probeText(row({ target: '192.168.0.11:30080', status: 0 }), 'TCP')).toBe('TCP connect (192.168.0.11:30080)');
		expect(probeText(row({ target: '192.168.0.11:32000/healthz', status: 503 }), 'HTTP')).toBe('503 (192.168.0.11:32000/healthz)');
		expect(probeText(row({ target: '192.168.0.11:10256/healthz', status: 0 }), 'HTTP')).toBe('no answer (192.168.0.11:10256/healthz)');
		expect(probeText(row(null), undefined)).toBe('not probed');
		expect(probeText(undefined, 'TCP')).toBe('—');
	});
});
