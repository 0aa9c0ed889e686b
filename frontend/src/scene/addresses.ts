// Whose address a pod sees, in words: the server tells whose each address is (a client's, or a node's after SNAT: its
// InternalIP, its flannel.1 address on an overlay, or its pod-network gateway when the pod is on the node that
// masqueraded: the network model decides); this only names it.
import type { PodStatistics, SourceAddress } from '../protocol/events';

/** How the panel groups an address: kept from the client, rewritten to a node's, or neither. */
export type SourceCategory = 'client' | 'node' | 'other';

export function sourceCategory(source: SourceAddress): SourceCategory {
	switch (source.kind) {
		case 'client':
			return 'client';
		case 'pod-gateway':
		case 'internal-ip':
		case 'tunnel':
			return 'node';
		default:
			return 'other';
	}
}

/** The server's word on an address the pod sees; an address it did not name is "other". */
export function sourceOf(pod: Pick<PodStatistics, 'sources'>, address: string): SourceAddress {
	return pod.sources.find((source) => source.address === address) ?? { address, kind: 'other', node: null };
}

export function describeSource(source: SourceAddress): string {
	switch (source.kind) {
		case 'client':
			return 'client address (source kept)';
		case 'pod-gateway':
			return `${source.node ?? 'a node'}'s pod-network gateway (SNAT)`;
		case 'internal-ip':
			return `${source.node ?? 'a node'}'s InternalIP (SNAT)`;
		case 'tunnel':
			return `${source.node ?? 'a node'}'s flannel.1 address (SNAT over the overlay)`;
		default:
			return 'other address';
	}
}
