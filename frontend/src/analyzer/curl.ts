// Builds the curl command that asks a node's health-check port the same question the cloud load balancer asks.

export interface HealthCheckTarget {
	host: string;
	port: number;
	path: string;
}

const HOST_PATTERN = /^[0-9A-Za-z.:-]+$/;

/** Reads a target from a button's data-host / data-port attributes; null when they are missing or invalid. */
export function readTarget(data: { host?: string; port?: string; path?: string }): HealthCheckTarget | null {
	const host = data.host?.trim() ?? '';
	const port = Number(data.port);
	if (!HOST_PATTERN.test(host) || !Number.isInteger(port) || port < 1 || port > 65535) {
		return null;
	}
	const path = data.path?.startsWith('/') ? data.path : '/healthz';
	return { host, port, path };
}

/** `curl -i http://192.168.0.13:32000/healthz`; IPv6 addresses go in brackets. */
export function healthCheckCurl(target: HealthCheckTarget): string {
	const host = target.host.includes(':') ? `[${target.host}]` : target.host;
	return `curl -i http://${host}:${target.port}${target.path}`;
}
