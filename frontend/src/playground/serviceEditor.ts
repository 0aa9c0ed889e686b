// The Service panel's editor (kubectl edit in the browser): Edit copies the live YAML into a labelled textarea, Apply
// (or Ctrl+Enter) sends it to PUT .../service, Cancel (or Escape) returns to the live view. The server's refusal shows
// word for word under the editor, which keeps the draft; an accepted edit returns to the live YAML, which the stream
// updates with the stored Service.
import type { Outcome } from '../commands/commands';
import { applied, applying, cancelEdit, changeDraft, startEdit, VIEWING, type ServiceEditState } from '../panels/serviceEdit';

export interface ServiceEditorHost {
	/** The live Service as YAML, or null before the first snapshot. */
	liveYaml(): string | null;
	/** Sends the edited Service. */
	send(yaml: string): Promise<Outcome>;
	/** An accepted edit's outcome, for the page's own bookkeeping. */
	accepted(outcome: Outcome & { ok: true }): void;
}

export function installServiceEditor(root: HTMLElement, host: ServiceEditorHost): void {
	const controls = root.querySelector<HTMLElement>('[data-part="service-edit-controls"]');
	if (controls === null) {
		return;
	}
	const part = <T extends HTMLElement>(name: string): T | null => root.querySelector<T>(`[data-part="${name}"]`);
	const editButton = part<HTMLButtonElement>('service-edit');
	const form = part<HTMLFormElement>('service-edit-form');
	const text = part<HTMLTextAreaElement>('service-edit-text');
	const applyButton = part<HTMLButtonElement>('service-apply');
	const cancelButton = part<HTMLButtonElement>('service-cancel');
	const message = part<HTMLElement>('service-edit-message');
	const view = part<HTMLElement>('service-yaml-view');
	if (editButton === null || form === null || text === null || applyButton === null || cancelButton === null
		|| message === null) {
		return;
	}
	let state: ServiceEditState = VIEWING;
	const show = (next: ServiceEditState, refused = false): void => {
		const wasEditing = state.mode === 'edit';
		state = next;
		const editing = state.mode === 'edit';
		form.hidden = !editing;
		editButton.hidden = editing;
		editButton.setAttribute('aria-expanded', String(editing));
		if (view !== null) {
			view.hidden = editing;
		}
		applyButton.disabled = state.mode === 'edit' && state.sending;
		message.textContent = state.message;
		message.dataset.outcome = refused ? 'refused' : '';
		if (editing && !wasEditing) {
			text.value = state.mode === 'edit' ? state.draft : '';
			text.focus();
		}
		else if (!editing && wasEditing) {
			editButton.focus();
		}
	};
	editButton.addEventListener('click', () => {
		const yaml = host.liveYaml();
		if (yaml !== null && yaml !== '') {
			show(startEdit(yaml));
		}
	});
	cancelButton.addEventListener('click', () => show(cancelEdit()));
	text.addEventListener('input', () => {
		state = changeDraft(state, text.value);
	});
	const apply = async (): Promise<void> => {
		if (state.mode !== 'edit' || state.sending) {
			return;
		}
		const next = applying(changeDraft(state, text.value));
		show(next);
		if (next.mode !== 'edit') {
			return;
		}
		const result = await host.send(next.draft);
		show(applied(next, result), !result.ok);
		if (result.ok) {
			host.accepted(result);
		}
		else {
			text.focus();
		}
	};
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void apply();
	});
	text.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
			event.preventDefault();
			void apply();
		}
		else if (event.key === 'Escape') {
			event.preventDefault();
			show(cancelEdit());
		}
	});
}
