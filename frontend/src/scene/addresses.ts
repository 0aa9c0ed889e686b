// Whose address a pod sees as the source: an external client (the source was kept), or a node's (SNAT: the node's
// InternalIP, or its pod-network gateway when the pod is on the node that masqueraded).
import type { Scene } from './scene';

export type SourceKind =
	| { kind: 'client' }
	| { kind: 'node'; node: string; what: 'InternalIP' | 'pod-network gateway' }
	| { kind: 'pod'; pod: string }
	| { kind: 'other' };

function subnet24(ip: string): string {
	return ip.split('.').slice(0, 3).join('.');
}

export function classifySource(address: string, scene: Pick<Scene, 'clientIps' | 'nodes' | 'pods'>): SourceKind {
	if (scene.clientIps.includes(address)) {
		return { kind: 'client' };
	}
	const node = scene.nodes.find((n) => n.internalIp === address);
	if (node !== undefined) {
		return { kind: 'node', node: node.name, what: 'InternalIP' };
	}
	const pod = scene.pods.find((p) => p.ip === address);
	if (pod !== undefined) {
		return { kind: 'pod', pod: pod.name };
	}
	const neighbour = scene.pods.find((p) => p.ip !== null && p.node !== null && subnet24(p.ip) === subnet24(address));
	if (neighbour?.node != null) {
		return { kind: 'node', node: neighbour.node, what: 'pod-network gateway' };
	}
	return { kind: 'other' };
}

export function describeSource(kind: SourceKind): string {
	switch (kind.kind) {
		case 'client':
			return 'client address (source kept)';
		case 'node':
			return `${kind.node}'s ${kind.what} (SNAT)`;
		case 'pod':
			return `pod ${kind.pod}`;
		case 'other':
			return 'other address';
	}
}
