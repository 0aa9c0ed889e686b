// The source address each pod sees: the client's (the source was kept, Local) or a node's (SNAT, Cluster), exact
// beside observed.
import { classifySource, describeSource, type SourceKind } from '../scene/addresses';
import { parseFraction, percent, toNumber } from '../scene/fraction';
import type { Scene } from '../scene/scene';
import { h, setText, syncKeyed } from './dom';

export type Seen = 'client' | 'node' | 'mixed' | 'none';

export interface SourceLine {
	address: string;
	kind: SourceKind;
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

function seenOf(kinds: SourceKind[]): Seen {
	if (kinds.length === 0) {
		return 'none';
	}
	if (kinds.every((kind) => kind.kind === 'client')) {
		return 'client';
	}
	return kinds.every((kind) => kind.kind === 'node') ? 'node' : 'mixed';
}

const SUMMARY: Record<Seen, string> = {
	client: '✓ the client’s own address',
	node: '↺ node addresses (SNAT)',
	mixed: '◐ client and node addresses',
	none: '— no external traffic',
};

export function sourceRows(scene: Scene): SourceRow[] {
	const stats = scene.statistics;
	if (stats === null) {
		return [];
	}
	return stats.pods.map((pod) => {
		const total = Object.values(pod.sourcesSeen).reduce((sum, n) => sum + n, 0);
		const addresses = [...new Set([...Object.keys(pod.exactSourcesSeen), ...Object.keys(pod.sourcesSeen)])];
		const lines = addresses.map((address) => {
			const exact = pod.exactSourcesSeen[address];
			const observed = pod.sourcesSeen[address];
			return {
				address,
				kind: classifySource(address, scene),
				exact: exact === undefined ? null : exact,
				observed: observed === undefined || total === 0 ? null : `${percent(observed / total)} (${observed})`,
			};
		}).sort((a, b) => exactValue(b.exact) - exactValue(a.exact) || a.address.localeCompare(b.address));
		const exactKinds = Object.keys(pod.exactSourcesSeen).map((address) => classifySource(address, scene));
		const seen = seenOf(exactKinds.length > 0 ? exactKinds : lines.map((line) => line.kind));
		return { pod: pod.pod, node: pod.node, seen, summary: SUMMARY[seen], lines };
	});
}

function exactValue(text: string | null): number {
	const f = text === null ? null : parseFraction(text);
	return f === null ? 0 : toNumber(f);
}

function createRow(doc: Document): HTMLElement {
	return h(doc, 'tr', {},
		h(doc, 'th', { scope: 'row' }, h(doc, 'span', { class: 'node-name' }), h(doc, 'span', { class: 'node-ip' })),
		h(doc, 'td', { 'data-label': 'Sees' }, h(doc, 'span', { class: 'seen' })),
		h(doc, 'td', { 'data-label': 'Addresses' }, h(doc, 'ul', { class: 'sources' })),
	);
}

function updateRow(row: HTMLElement, item: SourceRow): void {
	setText(row.querySelector('.node-name'), item.pod);
	setText(row.querySelector('.node-ip'), item.node ?? 'pending');
	const seen = row.querySelector('.seen');
	setText(seen, item.summary);
	if (seen !== null) {
		seen.className = `seen seen--${item.seen}`;
	}
	row.dataset.seen = item.seen;
	const list = row.querySelector('.sources');
	if (list === null) {
		return;
	}
	const doc = row.ownerDocument;
	syncKeyed(list, item.lines, (line) => line.address, () => h(doc, 'li', {},
		h(doc, 'span', { class: 'mono source-address' }),
		h(doc, 'span', { class: 'source-kind' }),
		h(doc, 'span', { class: 'fraction source-exact' }),
		h(doc, 'span', { class: 'muted source-observed' }),
	), (li, line) => {
		setText(li.querySelector('.source-address'), line.address);
		setText(li.querySelector('.source-kind'), describeSource(line.kind));
		setText(li.querySelector('.source-exact'), line.exact === null ? '' : `exact ${line.exact}`);
		setText(li.querySelector('.source-observed'), line.observed === null ? '' : `observed ${line.observed}`);
		li.dataset.kind = line.kind.kind;
	});
}

export function renderSources(table: HTMLElement | null, rows: SourceRow[]): void {
	const body = table?.querySelector('tbody');
	if (body === null || body === undefined) {
		return;
	}
	const doc = body.ownerDocument;
	syncKeyed(body, rows, (row) => row.pod, () => createRow(doc), updateRow);
}
