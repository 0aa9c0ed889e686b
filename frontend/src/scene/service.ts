// The Service as the page shows it: the API server's object, read from the snapshot's or the statistics' JSON
// (already in Kubernetes spelling: "LoadBalancer", "Local") and updated by ServiceUpdated events.

import type { ServiceType, SessionAffinity, TrafficDistribution, TrafficPolicy } from '../protocol/events';

export type Policy = TrafficPolicy;

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
	type: ServiceType;
	selector: Record<string, string>;
	ports: ServicePortView[];
	clusterIp: string | null;
	externalIps: string[];
	loadBalancerIps: string[];
	externalTrafficPolicy: Policy | null;
	internalTrafficPolicy: TrafficPolicy | null;
	healthCheckNodePort: number;
	sessionAffinity: SessionAffinity;
	sessionAffinityTimeoutSeconds: number;
	loadBalancerSourceRanges: string[];
	trafficDistribution: TrafficDistribution | null;
}

export const NO_SERVICE: ServiceView = {
	namespace: 'default', name: 'web', type: 'LoadBalancer', selector: {}, ports: [], clusterIp: null,
	externalIps: [], loadBalancerIps: [], externalTrafficPolicy: null, internalTrafficPolicy: null,
	healthCheckNodePort: 0, sessionAffinity: 'None', sessionAffinityTimeoutSeconds: 0, loadBalancerSourceRanges: [],
	trafficDistribution: null,
};

function record(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

function text(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

function optionalText(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

/**
 * An enumerated value as the server spelled it. The server and protocol/events.ts agree on every spelling
 * (EventSchemaTests), so nothing is translated; an empty or missing value is none.
 */
function spelled<T extends string>(value: unknown): T | null {
	return typeof value === 'string' && value !== '' ? value as T : null;
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
	return {
		namespace: text(ref.namespace, 'default'),
		name: text(ref.name, 'web'),
		type: spelled<ServiceType>(s.type) ?? 'ClusterIP',
		selector,
		ports: Array.isArray(s.ports) ? s.ports.map(port) : [],
		clusterIp: optionalText(s.clusterIp),
		externalIps: strings(s.externalIps),
		loadBalancerIps: strings(s.loadBalancerIps),
		externalTrafficPolicy: spelled<TrafficPolicy>(s.externalTrafficPolicy),
		internalTrafficPolicy: spelled<TrafficPolicy>(s.internalTrafficPolicy),
		healthCheckNodePort: num(s.healthCheckNodePort, 0),
		sessionAffinity: spelled<SessionAffinity>(s.sessionAffinity) ?? 'None',
		sessionAffinityTimeoutSeconds: num(s.sessionAffinityTimeoutSeconds, 0),
		loadBalancerSourceRanges: strings(s.loadBalancerSourceRanges),
		trafficDistribution: spelled<TrafficDistribution>(s.trafficDistribution),
	};
}

/** A ServiceUpdated event applied to the Service: the field changes to the new value, spelled as its type is. */
export function updateService(service: ServiceView, field: string, to: string, healthCheckNodePort: number): ServiceView {
	const next: ServiceView = { ...service, healthCheckNodePort };
	switch (field) {
		case 'spec.externalTrafficPolicy':
			return { ...next, externalTrafficPolicy: spelled<TrafficPolicy>(to) };
		case 'spec.internalTrafficPolicy':
			return { ...next, internalTrafficPolicy: spelled<TrafficPolicy>(to) };
		case 'spec.sessionAffinity':
			return { ...next, sessionAffinity: spelled<SessionAffinity>(to) ?? next.sessionAffinity };
		case 'spec.type':
			return { ...next, type: spelled<ServiceType>(to) ?? next.type };
		default:
			return next;
	}
}
