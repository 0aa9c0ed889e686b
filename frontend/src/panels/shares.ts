// The share panels: each pod's exact share of new external connections beside the share observed so far, and each
// node's share of the load balancer's traffic. Rows from the statistics (pure), drawn as keyed table rows.
import { parseFraction, percent, toNumber } from '../scene/fraction';
import type { Scene } from '../scene/scene';
import { bar, h, setBar, setText, syncKeyed } from './dom';

export interface ShareRow {
	key: string;
	label: string;
	detail: string;
	exact: string;
	exactValue: number;
	observed: number | null;
	counts: string;
}

export function podShareRows(scene: Scene): ShareRow[] {
	const stats = scene.statistics;
	if (stats === null) {
		return [];
	}
	const order = new Map(scene.pods.map((pod, index) => [pod.name, index]));
	return [...stats.pods]
		.sort((a, b) => (order.get(a.pod) ?? 1e9) - (order.get(b.pod) ?? 1e9))
		.map((pod) => ({
			key: pod.pod,
			label: pod.pod,
			detail: `${pod.node ?? 'pending'} · ${pod.ip ?? 'no IP'}`,
			exact: pod.exactShare,
			exactValue: toNumber(parseFraction(pod.exactShare) ?? { n: 0, d: 1 }),
			observed: stats.connections === 0 ? null : pod.observedShare,
			counts: String(pod.connections),
		}));
}

export function nodeShareRows(scene: Scene): ShareRow[] {
	const stats = scene.statistics;
	if (stats === null) {
		return [];
	}
	return stats.nodes.map((node) => ({
		key: node.node,
		label: node.node,
		// while the LB lags a change (its checks' thresholds, a deregistration delay, an ARP or BGP update) it sends
		// another share now than the settled one
		detail: [scene.nodes.find((n) => n.name === node.node)?.internalIp ?? '',
			node.lbShareNow === node.exactLbShare ? '' : `the LB sends ${node.lbShareNow} now, until it catches up with the change`]
			.filter((part) => part !== '').join(' · '),
		exact: node.exactLbShare,
		exactValue: toNumber(parseFraction(node.exactLbShare) ?? { n: 0, d: 1 }),
		observed: stats.connections === 0 ? null : node.observedLbShare,
		counts: [`${node.entered}`, node.dropped > 0 ? `${node.dropped} dropped` : '', node.rejected > 0 ? `${node.rejected} refused` : '']
			.filter((part) => part !== '').join(' · '),
	}));
}

export function countingLine(scene: Scene): string {
	const stats = scene.statistics;
	if (stats === null) {
		return 'Waiting for the first statistics…';
	}
	const since = (stats.countingSince / 1_000_000).toFixed(1);
	return `Observed since ${since} s (the counters restart after every change): ${stats.connections} new connections, `
		+ `${stats.routed} served, ${stats.dropped} dropped, ${stats.rejected} refused, ${stats.resets} cut.`;
}

function createRow(doc: Document, countLabel: string): HTMLElement {
	return h(doc, 'tr', {},
		h(doc, 'th', { scope: 'row' }, h(doc, 'span', { class: 'node-name' }), h(doc, 'span', { class: 'node-ip' })),
		h(doc, 'td', { class: 'share-cell', 'data-label': 'Exact' },
			h(doc, 'span', { class: 'share__figures' }, h(doc, 'span', { class: 'fraction' }), h(doc, 'span', { class: 'percent' })),
			bar(doc, 'exact')),
		h(doc, 'td', { class: 'share-cell', 'data-label': 'Observed' },
			h(doc, 'span', { class: 'share__figures' }, h(doc, 'span', { class: 'observed mono' })),
			bar(doc, 'observed')),
		h(doc, 'td', { class: 'num counts', 'data-label': countLabel }),
	);
}

function updateRow(row: HTMLElement, item: ShareRow): void {
	setText(row.querySelector('.node-name'), item.label);
	setText(row.querySelector('.node-ip'), item.detail);
	setText(row.querySelector('.fraction'), item.exact);
	setText(row.querySelector('.percent'), percent(item.exactValue));
	setText(row.querySelector('.observed'), item.observed === null ? '—' : percent(item.observed));
	setText(row.querySelector('.counts'), item.counts);
	const cells = row.querySelectorAll('.share-cell');
	setBar(cells[0], item.exactValue);
	setBar(cells[1], item.observed);
}

export function renderShares(table: HTMLElement | null, rows: ShareRow[], countLabel: string): void {
	const body = table?.querySelector('tbody');
	if (body === null || body === undefined) {
		return;
	}
	const doc = body.ownerDocument;
	syncKeyed(body, rows, (row) => row.key, () => createRow(doc, countLabel), updateRow);
}
