// The Service as YAML, as `kubectl get service -o yaml` would show its spec (the fields that matter here) and the
// load balancer's address. Pure; the panel marks the lines that changed.
import type { ServiceView } from './service';

function scalar(value: string | number): string {
	if (typeof value === 'number') {
		return String(value);
	}
	return /^[A-Za-z0-9./_-]+$/.test(value) && !/^(true|false|null|yes|no|~|[0-9.]+)$/i.test(value)
		? value
		: JSON.stringify(value);
}

function targetPort(value: string): string {
	return /^\d+$/.test(value) ? value : scalar(value);
}

export function serviceYaml(service: ServiceView): string {
	const lines = [
		'apiVersion: v1',
		'kind: Service',
		'metadata:',
		`  name: ${scalar(service.name)}`,
		`  namespace: ${scalar(service.namespace)}`,
		'spec:',
		`  type: ${service.type}`,
	];
	const selector = Object.entries(service.selector);
	if (selector.length > 0) {
		lines.push('  selector:', ...selector.map(([key, value]) => `    ${scalar(key)}: ${scalar(value)}`));
	}
	if (service.ports.length > 0) {
		lines.push('  ports:');
		for (const port of service.ports) {
			const fields = [
				...(port.name === null ? [] : [`name: ${scalar(port.name)}`]),
				`protocol: ${port.protocol}`,
				`port: ${port.port}`,
				`targetPort: ${targetPort(port.targetPort)}`,
				...(port.nodePort === null ? [] : [`nodePort: ${port.nodePort}`]),
			];
			lines.push(`  - ${fields[0]}`, ...fields.slice(1).map((field) => `    ${field}`));
		}
	}
	if (service.clusterIp !== null) {
		lines.push(`  clusterIP: ${service.clusterIp}`);
	}
	if (service.externalIps.length > 0) {
		lines.push('  externalIPs:', ...service.externalIps.map((ip) => `  - ${ip}`));
	}
	if (service.externalTrafficPolicy !== null) {
		lines.push(`  externalTrafficPolicy: ${service.externalTrafficPolicy}`);
	}
	if (service.healthCheckNodePort > 0) {
		lines.push(`  healthCheckNodePort: ${service.healthCheckNodePort}`);
	}
	if (service.internalTrafficPolicy !== null) {
		lines.push(`  internalTrafficPolicy: ${service.internalTrafficPolicy}`);
	}
	if (service.loadBalancerSourceRanges.length > 0) {
		lines.push('  loadBalancerSourceRanges:', ...service.loadBalancerSourceRanges.map((range) => `  - ${range}`));
	}
	lines.push(`  sessionAffinity: ${service.sessionAffinity}`);
	if (service.sessionAffinity === 'ClientIP' && service.sessionAffinityTimeoutSeconds > 0) {
		lines.push('  sessionAffinityConfig:', '    clientIP:', `      timeoutSeconds: ${service.sessionAffinityTimeoutSeconds}`);
	}
	if (service.trafficDistribution !== null) {
		lines.push(`  trafficDistribution: ${service.trafficDistribution}`);
	}
	if (service.loadBalancerIps.length > 0) {
		lines.push('status:', '  loadBalancer:', '    ingress:', ...service.loadBalancerIps.map((ip) => `    - ip: ${ip}`));
	}
	return lines.join('\n');
}

/** The indexes of lines in {@code next} that are not in {@code previous} (null: nothing to compare with). */
export function changedLines(previous: string | null, next: string): number[] {
	if (previous === null) {
		return [];
	}
	const before = new Set(previous.split('\n'));
	return next.split('\n').flatMap((line, index) => (before.has(line) ? [] : [index]));
}
