// Whose address a pod sees, in words: the server tells whose each address is (a client's, or a node's after SNAT: its
// InternalIP, or its pod-network gateway when the pod is on the node that masqueraded); this only names it.
import type { PodStatistics, SourceAddress } from '../protocol/events';

/** How the panel groups an address: kept from the client, rewritten to a node's, or neither. */
export type SourceCategory = 'client' | 'node' | 'other';

export function sourceCategory(source: SourceAddress): SourceCategory {
	switch (source.kind) {
		case 'CLIENT':
			return 'client';
		case 'POD_GATEWAY':
		case 'INTERNAL_IP':
			return 'node';
		default:
			return 'other';
	}
}

/** The server's word on an address the pod sees; an address it did not name is "other". */
export function sourceOf(pod: Pick<PodStatistics, 'sources'>, address: string): SourceAddress {
	return pod.sources.find((source) => source.address === address) ?? { address, kind: 'OTHER', node: null };
}

export function describeSource(source: SourceAddress): string {
	switch (source.kind) {
		case 'CLIENT':
			return 'client address (source kept)';
		case 'POD_GATEWAY':
			return `${source.node ?? 'a node'}'s pod-network gateway (SNAT)`;
		case 'INTERNAL_IP':
			return `${source.node ?? 'a node'}'s InternalIP (SNAT)`;
		default:
			return 'other address';
	}
}
