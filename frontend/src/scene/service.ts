// The Service as the page shows it: the API server's object in Kubernetes spelling ("LoadBalancer", "Local"),
// read from the snapshot's or the statistics' JSON (Java enum names) and updated by ServiceUpdated events.

export type Policy = 'Cluster' | 'Local';

export interface ServicePortView {
	name: string | null;
	protocol: string;
	port: number;
	targetPort: string;
	nodePort: number | null;
}

export interface ServiceView {
	namespace: string;
	name: string;
	type: string;
	selector: Record<string, string>;
	ports: ServicePortView[];
	clusterIp: string | null;
	externalIps: string[];
	loadBalancerIps: string[];
	externalTrafficPolicy: Policy | null;
	internalTrafficPolicy: string | null;
	healthCheckNodePort: number;
	sessionAffinity: string;
	sessionAffinityTimeoutSeconds: number;
	loadBalancerSourceRanges: string[];
	trafficDistribution: string | null;
}

export const NO_SERVICE: ServiceView = {
	namespace: 'default', name: 'web', type: 'LoadBalancer', selector: {}, ports: [], clusterIp: null,
	externalIps: [], loadBalancerIps: [], externalTrafficPolicy: null, internalTrafficPolicy: null,
	healthCheckNodePort: 0, sessionAffinity: 'None', sessionAffinityTimeoutSeconds: 0, loadBalancerSourceRanges: [],
	trafficDistribution: null,
};

const SPECIAL: Record<string, string> = {
	LOAD_BALANCER: 'LoadBalancer', NODE_PORT: 'NodePort', CLUSTER_IP: 'ClusterIP', EXTERNAL_NAME: 'ExternalName',
	CLIENT_IP: 'ClientIP', NONE: 'None', LOCAL: 'Local', CLUSTER: 'Cluster',
	PREFER_CLOSE: 'PreferClose', PREFER_SAME_ZONE: 'PreferSameZone', PREFER_SAME_NODE: 'PreferSameNode',
};

/** A Java enum name as Kubernetes spells the value: LOAD_BALANCER → LoadBalancer. Other text is kept. */
export function apiSpelling(value: string): string {
	if (SPECIAL[value] !== undefined) {
		return SPECIAL[value];
	}
	if (!/^[A-Z0-9_]+$/.test(value)) {
		return value;
	}
	return value.toLowerCase().split('_').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

export function toPolicy(value: unknown): Policy | null {
	if (typeof value !== 'string') {
		return null;
	}
	const spelled = apiSpelling(value);
	return spelled === 'Local' || spelled === 'Cluster' ? spelled : null;
}

function record(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

function text(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

function optionalText(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

function strings(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function num(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function port(value: unknown): ServicePortView {
	const p = record(value);
	const nodePort = num(p.nodePort, 0);
	return {
		name: optionalText(p.name),
		protocol: text(p.protocol, 'TCP'),
		port: num(p.port, 0),
		targetPort: text(p.targetPort, String(num(p.port, 0))),
		nodePort: nodePort > 0 ? nodePort : null,
	};
}

/** Reads the engine's Service JSON (snapshot.simulation.service, statistics.exact.service). */
export function readService(value: unknown): ServiceView {
	const s = record(value);
	const ref = record(s.ref);
	const selector: Record<string, string> = {};
	for (const [key, val] of Object.entries(record(s.selector))) {
		selector[key] = text(val, '');
	}
	const type = optionalText(s.type);
	const internal = optionalText(s.internalTrafficPolicy);
	const affinity = optionalText(s.sessionAffinity);
	const distribution = optionalText(s.trafficDistribution);
	return {
		namespace: text(ref.namespace, 'default'),
		name: text(ref.name, 'web'),
		type: type === null ? 'ClusterIP' : apiSpelling(type),
		selector,
		ports: Array.isArray(s.ports) ? s.ports.map(port) : [],
		clusterIp: optionalText(s.clusterIp),
		externalIps: strings(s.externalIps),
		loadBalancerIps: strings(s.loadBalancerIps),
		externalTrafficPolicy: toPolicy(s.externalTrafficPolicy),
		internalTrafficPolicy: internal === null ? null : apiSpelling(internal),
		healthCheckNodePort: num(s.healthCheckNodePort, 0),
		sessionAffinity: affinity === null ? 'None' : apiSpelling(affinity),
		sessionAffinityTimeoutSeconds: num(s.sessionAffinityTimeoutSeconds, 0),
		loadBalancerSourceRanges: strings(s.loadBalancerSourceRanges),
		trafficDistribution: distribution === null ? null : apiSpelling(distribution),
	};
}

/** A ServiceUpdated event applied to the Service: the field changes to the new value. */
export function updateService(service: ServiceView, field: string, to: string, healthCheckNodePort: number): ServiceView {
	const next: ServiceView = { ...service, healthCheckNodePort };
	switch (field) {
		case 'spec.externalTrafficPolicy':
			return { ...next, externalTrafficPolicy: toPolicy(to) };
		case 'spec.internalTrafficPolicy':
			return { ...next, internalTrafficPolicy: apiSpelling(to) };
		case 'spec.sessionAffinity':
			return { ...next, sessionAffinity: apiSpelling(to) };
		case 'spec.type':
			return { ...next, type: apiSpelling(to) };
		default:
			return next;
	}
}
