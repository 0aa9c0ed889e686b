// `kubectl edit` in the browser: the state of the Service panel's editor. Viewing shows the live YAML; Edit copies it
// into a draft; Apply sends the draft and either returns to viewing (the stream then shows the stored Service, changed
// lines marked) or stays in the draft with the server's refusal word for word. Pure: the page wires it to the DOM.

export type ServiceEditState =
	| { mode: 'view'; message: string }
	| { mode: 'edit'; base: string; draft: string; message: string; sending: boolean };

export const VIEWING: ServiceEditState = { mode: 'view', message: '' };

/** Starts editing the live YAML (the draft is a copy: the panel keeps following the stream underneath). */
export function startEdit(liveYaml: string): ServiceEditState {
	return { mode: 'edit', base: liveYaml, draft: liveYaml, message: '', sending: false };
}

export function changeDraft(state: ServiceEditState, draft: string): ServiceEditState {
	return state.mode === 'edit' ? { ...state, draft } : state;
}

export function cancelEdit(): ServiceEditState {
	return VIEWING;
}

/** The draft is on its way; an unchanged draft needs no request (kubectl edit: "Edit cancelled, no changes made."). */
export function applying(state: ServiceEditState): ServiceEditState {
	if (state.mode !== 'edit') {
		return state;
	}
	if (state.draft === state.base) {
		return { mode: 'view', message: 'No changes made: the Service is as it was.' };
	}
	return { ...state, sending: true, message: '' };
}

/**
 * What the server answered: accepted (back to the live view, saying which ports the API server released, as the
 * server reports them) or refused.
 */
export function applied(state: ServiceEditState, result: { ok: true; body?: unknown } | { ok: false; message: string }):
	ServiceEditState {
	if (state.mode !== 'edit') {
		return state;
	}
	if (!result.ok) {
		return { ...state, sending: false, message: result.message };
	}
	return { mode: 'view', message: acceptedMessage(state.base, releasedPorts(result.body)) };
}

/** The ports the server says the update released (`{"released": [...]}`), none when it says nothing. */
export function releasedPorts(body: unknown): number[] {
	const released = (typeof body === 'object' && body !== null) ? (body as { released?: unknown }).released : undefined;
	return Array.isArray(released) ? released.filter((port): port is number => typeof port === 'number') : [];
}

/** The words for an accepted update, naming each released port by the field that held it in the YAML edited. */
export function acceptedMessage(base: string, released: readonly number[]): string {
	if (released.length === 0) {
		return 'Applied. The API server stored the update; changed lines are marked.';
	}
	const healthCheck = field(base, 'healthCheckNodePort');
	const names = released.map((port) => (String(port) === healthCheck ? `healthCheckNodePort ${port}` : `port ${port}`));
	return `Applied. The API server released ${names.join(' and ')}; changed lines are marked.`;
}

/** A top-level spec field's value in kubectl's YAML ("  name: value"), or null. */
export function field(yaml: string, name: string): string | null {
	const match = new RegExp(`^ {2}${name}: *(.*)$`, 'm').exec(yaml);
	return match === null ? null : match[1].trim().replace(/^"(.*)"$/, '$1');
}
