// The words of one hop of a followed connection: where it is, the source and destination before and after the
// rewrite there, and the reason. Everything comes from the hop the server sent; nothing is recomputed. Pure.
import type { Hop } from '../protocol/events';

export interface HopWords {
	/** "#12 · hop 3 of 10 · request at n3" */
	heading: string;
	/** "src 203.0.113.10:40000 → 192.168.0.13:40000 (SNAT)", or "src 203.0.113.10:40000" when unchanged. */
	source: string;
	/** The same, shorter: addresses without ports (a rewrite of the port alone keeps its ports). */
	sourceShort: string;
	destination: string;
	destinationShort: string;
	reason: string;
}

function place(at: string): string {
	return at === 'lb' ? 'the load balancer' : at;
}

function addressOf(endpoint: string): string {
	const colon = endpoint.lastIndexOf(':');
	return colon > 0 ? endpoint.slice(0, colon) : endpoint;
}

/** The rewrite's name: SNAT/DNAT on the way in, their reversal by conntrack on the way back. */
function rewriteName(hop: Hop, field: 'src' | 'dst'): string {
	if (hop.direction === 'request') {
		return field === 'src' ? 'SNAT' : 'DNAT';
	}
	return field === 'src' ? 'reverse DNAT' : 'reverse SNAT';
}

function endpointLine(hop: Hop, field: 'src' | 'dst', short: boolean): string {
	const before = field === 'src' ? hop.srcBefore : hop.dstBefore;
	const after = field === 'src' ? hop.srcAfter : hop.dstAfter;
	const addressesDiffer = addressOf(before) !== addressOf(after);
	const shown = (endpoint: string) => (short && addressesDiffer ? addressOf(endpoint) : endpoint);
	if (before === after) {
		return `${field} ${shown(after)}`;
	}
	return `${field} ${shown(before)} → ${shown(after)} (${rewriteName(hop, field)})`;
}

export function hopWords(hop: Hop, index: number, count: number, connection: number): HopWords {
	return {
		heading: `#${connection} · hop ${index + 1} of ${count} · ${hop.direction} at ${place(hop.at)}`,
		source: endpointLine(hop, 'src', false),
		sourceShort: endpointLine(hop, 'src', true),
		destination: endpointLine(hop, 'dst', false),
		destinationShort: endpointLine(hop, 'dst', true),
		reason: hop.reason,
	};
}

/** The sentence the live region reads for a hop. */
export function hopSentence(hop: Hop, index: number, count: number, connection: number, client: string): string {
	const words = hopWords(hop, index, count, connection);
	return `Following connection ${connection} from ${client}, hop ${index + 1} of ${count}, ${hop.direction} at `
		+ `${place(hop.at)}: ${words.source}; ${words.destination}; ${hop.reason.replace(/\.$/, '')}.`;
}
