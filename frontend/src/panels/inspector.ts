// The packet inspector panel: renders inspectConnection's view into the page.
import { h } from './dom';
import { nodePlace, type HopRow, type InspectorView } from './inspect';
import type { PathRules } from './rulesPanel';

function address(doc: Document, before: string, after: string, changed: boolean): HTMLElement {
	if (!changed) {
		return h(doc, 'span', { class: 'mono', text: after });
	}
	return h(doc, 'span', { class: 'mono rewrite' },
		h(doc, 'span', { class: 'rewrite__before', text: before }),
		h(doc, 'span', { class: 'rewrite__arrow', 'aria-hidden': 'true', text: ' → ' }),
		h(doc, 'span', { class: 'visually-hidden', text: ' rewritten to ' }),
		h(doc, 'mark', { text: after }));
}

/** The rules a packet matched at its entry node, in order, under that hop. */
function hopRules(doc: Document, path: PathRules): HTMLElement {
	return h(doc, 'tr', { class: 'hop-rules-row' },
		h(doc, 'td', { colspan: '3', 'data-label': `${path.mode} rules matched` },
			h(doc, 'span', { class: 'small', text: `kube-proxy's ${path.mode} rules it matched on ${path.node}, in order:` }),
			h(doc, 'ol', { class: 'hop-rules mono', 'data-part': 'hop-rules' },
				...path.rules.map((rule) => h(doc, 'li', { text: rule.rule })))));
}

/** One hop: where, source and destination (before → after a rewrite), and below them what happens there. */
function hopBody(doc: Document, hop: HopRow, path: PathRules | null): HTMLElement {
	return h(doc, 'tbody', { 'data-direction': hop.direction },
		h(doc, 'tr', {},
			h(doc, 'th', { scope: 'rowgroup', 'data-label': 'Hop' }, `${hop.index}. `, h(doc, 'span', { text: hop.where }),
				h(doc, 'span', { class: 'note', text: hop.direction === 'request' ? '→ request' : '← reply' })),
			h(doc, 'td', { 'data-label': 'Source' }, address(doc, hop.srcBefore, hop.srcAfter, hop.srcChanged)),
			h(doc, 'td', { 'data-label': 'Destination' }, address(doc, hop.dstBefore, hop.dstAfter, hop.dstChanged))),
		h(doc, 'tr', { class: 'hop-reason-row' },
			h(doc, 'td', { colspan: '3', class: 'hop-reason', 'data-label': 'What happens' }, hop.reason)),
		path === null ? null : hopRules(doc, path),
	);
}

/** The hop where the entry node's kube-proxy rules act: the request's first hop at that node. */
function rulesHop(view: InspectorView, path: PathRules | null): number {
	if (path === null) {
		return -1;
	}
	const where = nodePlace(path.node);
	return view.hops.findIndex((hop) => hop.direction === 'request' && hop.where === where);
}

export function renderInspector(root: HTMLElement, view: InspectorView | null, missing: number | null,
	path: PathRules | null = null): void {
	const doc = root.ownerDocument;
	if (view === null) {
		root.replaceChildren(h(doc, 'p', { class: 'placeholder', text: missing === null
			? 'Click a packet on the canvas, or “Inspect” in the event list, to see its headers at every hop.'
			: `Connection #${missing} is no longer kept; pick a newer one.` }));
		return;
	}
	root.replaceChildren(
		h(doc, 'h4', { class: 'inspector__title', text: view.title }),
		h(doc, 'p', { class: 'inspector__summary', text: view.summary }),
		h(doc, 'div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': 'Headers at each hop' },
			h(doc, 'table', { class: 'data stack hops' },
				h(doc, 'caption', { class: 'visually-hidden', text: 'Headers at each hop, before and after any rewrite' }),
				h(doc, 'thead', {}, h(doc, 'tr', {},
					h(doc, 'th', { scope: 'col', text: 'Hop' }),
					h(doc, 'th', { scope: 'col', text: 'Source (before → after)' }),
					h(doc, 'th', { scope: 'col', text: 'Destination (before → after)' }))),
				...view.hops.map((hop, index) => hopBody(doc, hop, index === rulesHop(view, path) ? path : null)))),
		h(doc, 'h5', { class: 'inspector__why', text: 'Why it went this way' }),
		h(doc, 'dl', { class: 'why-list' }, ...view.why.flatMap((decision) => [
			h(doc, 'dt', { text: decision.topic }),
			h(doc, 'dd', { text: decision.text }),
		])),
	);
}
