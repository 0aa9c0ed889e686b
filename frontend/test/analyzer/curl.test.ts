import { describe, expect, it } from 'vitest';
import { healthCheckCurl, readTarget } from '../../src/analyzer/curl';

describe('readTarget', () => {
	it('reads host and port and defaults the path to /healthz', () => {
		expect(readTarget({ host: '192.168.0.13', port: '32000' })).toEqual({
			host: '192.168.0.13',
			port: 32000,
			path: '/healthz',
		});
	});

	it('keeps an explicit path', () => {
		expect(readTarget({ host: 'n1', port: '10256', path: '/livez' })?.path).toBe('/livez');
	});

	it.each([
		[{ host: '', port: '32000' }],
		[{ host: '192.168.0.13', port: '0' }],
		[{ host: '192.168.0.13', port: '65536' }],
		[{ host: '192.168.0.13', port: 'abc' }],
		[{ host: '192.168.0.13; rm -rf /', port: '32000' }],
		[{ port: '32000' }],
	])('refuses %o', (data) => {
		expect(readTarget(data)).toBeNull();
	});
});

describe('healthCheckCurl', () => {
	it('asks the node what the load balancer asks', () => {
		expect(healthCheckCurl({ host: '192.168.0.13', port: 32000, path: '/healthz' })).toBe(
			'curl -i http://192.168.0.13:32000/healthz',
		);
	});

	it('puts IPv6 addresses in brackets', () => {
		expect(healthCheckCurl({ host: 'fd00::13', port: 32000, path: '/healthz' })).toBe(
			'curl -i http://[fd00::13]:32000/healthz',
		);
	});
});
