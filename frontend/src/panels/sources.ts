// The source address each pod sees: the client's (the source was kept, Local) or a node's (SNAT, Cluster), exact
// beside observed; whose each address is comes with the statistics.
import type { NetworkModel, SourceAddress } from '../protocol/events';
import { describeSource, sourceCategory, sourceOf } from '../scene/addresses';
import { parseFraction, percent, toNumber } from '../scene/fraction';
import type { Scene } from '../scene/scene';
import { h } from './dom';

export type Seen = 'client' | 'node' | 'other' | 'mixed' | 'none';

export interface SourceLine {
	address: string;
	source: SourceAddress;
	exact: string | null;
	observed: string | null;
}

export interface SourceRow {
	pod: string;
	node: string | null;
	seen: Seen;
	summary: string;
	lines: SourceLine[];
}

function seenOf(sources: SourceAddress[]): Seen {
	if (sources.length === 0) {
		return 'none';
	}
	if (sources.every((source) => sourceCategory(source) === 'client')) {
		return 'client';
	}
	if (sources.every((source) => sourceCategory(source) === 'other')) {
		return 'other';
	}
	return sources.every((source) => sourceCategory(source) === 'node') ? 'node' : 'mixed';
}

const SUMMARY: Record<Seen, string> = {
	client: '✓ the client’s own address',
	node: '↺ node addresses (SNAT)',
	// an address the server attributes to no client and no node, such as an NLB's own with ip targets
	other: '◇ neither a client’s nor a node’s address',
	mixed: '◐ addresses of more than one kind',
	none: '— no external traffic',
};

const NETWORK_NOTE: Record<NetworkModel, string> = {
	bridge: 'Pod network: bridge with host routes (kubenet, flannel host-gw). After SNAT a pod sees its own node’s bridge '
		+ 'gateway, or the entry node’s InternalIP when it runs on another node.',
	overlay: 'Pod network: overlay (flannel VXLAN). After SNAT a pod sees its own node’s bridge gateway, or the entry '
		+ 'node’s flannel.1 address (the first of its pod CIDR) when it runs on another node.',
	vpc: 'Pod network: VPC-routed (AWS VPC CNI, Calico without encapsulation). The host-side veths carry no address, so '
		+ 'after SNAT every pod sees the entry node’s InternalIP, on that node too.',
};

/** The network model the table assumes, and what it means for the addresses after SNAT. */
export function networkNote(network: NetworkModel): string {
	return NETWORK_NOTE[network];
}

export function sourceRows(scene: Scene): SourceRow[] {
	const stats = scene.statistics;
	if (stats === null) {
		return [];
	}
	// Observed shares are of all new connections, like the exact fractions
	const total = stats.connections;
	return stats.pods.map((pod) => {
		const addresses = [...new Set([...Object.keys(pod.exactSourcesSeen), ...Object.keys(pod.sourcesSeen)])];
		const lines = addresses.map((address) => {
			const exact = pod.exactSourcesSeen[address];
			const observed = pod.sourcesSeen[address];
			return {
				address,
				source: sourceOf(pod, address),
				exact: exact === undefined ? null : exact,
				observed: observed === undefined || total === 0 ? null : `${percent(observed / total)} (${observed})`,
			};
		}).sort((a, b) => exactValue(b.exact) - exactValue(a.exact) || a.address.localeCompare(b.address));
		const exactSources = Object.keys(pod.exactSourcesSeen).map((address) => sourceOf(pod, address));
		const seen = seenOf(exactSources.length > 0 ? exactSources : lines.map((line) => line.source));
		return { pod: pod.pod, node: pod.node, seen, summary: SUMMARY[seen], lines };
	});
}

function exactValue(text: string | null): number {
	const f = text === null ? null : parseFraction(text);
	return f === null ? 0 : toNumber(f);
}

function addressRow(doc: Document, item: SourceRow, line: SourceLine | null, first: boolean, count: number): HTMLElement {
	const row = h(doc, 'tr', { 'data-kind': line === null ? 'none' : sourceCategory(line.source) });
	if (first) {
		row.append(
			h(doc, 'th', { scope: 'rowgroup', rowspan: String(count) },
				h(doc, 'span', { class: 'node-name', text: item.pod }),
				h(doc, 'span', { class: 'node-ip', text: item.node ?? 'pending' })),
			h(doc, 'td', { rowspan: String(count), 'data-label': 'Sees' },
				h(doc, 'span', { class: `seen seen--${item.seen}`, text: item.summary })),
		);
	}
	if (line === null) {
		row.append(h(doc, 'td', { colspan: '4', class: 'muted', text: 'no connections yet' }));
		return row;
	}
	row.append(
		h(doc, 'td', { class: 'mono source-address', 'data-label': 'Address', text: line.address }),
		h(doc, 'td', { class: 'source-kind', 'data-label': 'Whose', text: describeSource(line.source) }),
		h(doc, 'td', { class: 'fraction', 'data-label': 'Exact', text: line.exact ?? '—' }),
		h(doc, 'td', { class: 'num observed-cell', 'data-label': 'Observed', text: line.observed ?? '—' }),
	);
	return row;
}

/** One tbody per pod: its summary, then one row per address it sees. */
export function renderSources(table: HTMLElement | null, rows: SourceRow[]): void {
	if (table === null) {
		return;
	}
	const doc = table.ownerDocument;
	const bodies = rows.map((item) => ({ item, signature: JSON.stringify(item) }));
	for (const body of Array.from(table.querySelectorAll('tbody'))) {
		if (!bodies.some((b) => b.item.pod === body.dataset.key)) {
			body.remove();
		}
	}
	let previous: Element | null = table.querySelector('thead');
	for (const { item, signature } of bodies) {
		let body = Array.from(table.querySelectorAll<HTMLElement>('tbody')).find((b) => b.dataset.key === item.pod);
		if (body === undefined) {
			body = h(doc, 'tbody');
			body.dataset.key = item.pod;
		}
		if (body.dataset.signature !== signature) {
			const lines = item.lines.length === 0 ? [null] : item.lines;
			body.replaceChildren(...lines.map((line, index) => addressRow(doc, item, line, index === 0, lines.length)));
			body.dataset.signature = signature;
			body.dataset.seen = item.seen;
		}
		if (previous?.nextElementSibling !== body) {
			previous?.after(body);
		}
		previous = body;
	}
}
