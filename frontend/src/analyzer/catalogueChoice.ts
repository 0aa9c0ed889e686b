// The analyzer's "Which load balancer?", "Dataplane" and "Pod network" selects: the note under each select follows the choice, the
// even/weighted choice is offered only for the generic load balancer (a disabled select is not sent, so the server
// never sees the conflict from this form), and the page's address keeps the choice so a reload or a shared link
// starts from it. The results themselves come from the server.

export const GENERIC_LOAD_BALANCER = 'generic';

const DEFAULTS: Readonly<Record<string, string>> = {
	loadBalancer: GENERIC_LOAD_BALANCER,
	dataplane: 'kube-proxy',
	network: 'bridge',
};

/** The page's query with one choice set; a default choice is left out unless the query names an example. */
export function queryWithChoice(search: string, name: string, value: string): string {
	const params = new URLSearchParams(search);
	if (name === 'loadBalancer' && value !== GENERIC_LOAD_BALANCER) {
		params.delete('lb');
	}
	if (value === DEFAULTS[name] && !params.has('example')) {
		params.delete(name);
	}
	else {
		params.set(name, value);
	}
	const query = params.toString();
	return query === '' ? '' : `?${query}`;
}

function showNote(field: Element, value: string): void {
	field.querySelectorAll<HTMLElement>('.choice-note[data-choice]').forEach((note) => {
		note.hidden = note.dataset.choice !== value;
	});
}

function applyGenericOnly(doc: Document, loadBalancer: string): void {
	const lbField = doc.getElementById('lb-field');
	const lb = doc.getElementById('lb');
	const generic = loadBalancer === GENERIC_LOAD_BALANCER;
	if (lbField !== null) {
		lbField.hidden = !generic;
	}
	if (lb instanceof HTMLSelectElement) {
		lb.disabled = !generic;
	}
}

export function installCatalogueChoices(doc: Document, location: Location, history: History): void {
	doc.querySelectorAll<HTMLElement>('[data-catalogue-choice]').forEach((field) => {
		const name = field.dataset.catalogueChoice ?? '';
		const select = field.querySelector('select');
		if (select === null) {
			return;
		}
		select.addEventListener('change', () => {
			showNote(field, select.value);
			if (name === 'loadBalancer') {
				applyGenericOnly(doc, select.value);
			}
			history.replaceState(history.state, '', location.pathname + queryWithChoice(location.search, name, select.value));
		});
	});
}
