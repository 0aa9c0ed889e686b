// Compare mode: the server pairs this page's sandbox with a second one from the same manifests and seed, resets both,
// runs the first under Cluster and the second under Local, and applies every command to both or to neither
// (docs/sandbox-api.md#compare-mode). This side only shows the second sandbox beside the first and says which is which.
import type { Fetch, Outcome } from '../commands/commands';
import { isApiErrors } from '../protocol/events';
import type { SandboxView } from './sandboxView';

/** The answer to POST .../comparison: the second sandbox and where to watch it. */
export interface CreatedSandbox {
	id: string;
	topic: string;
	statsTopic: string;
	snapshotDestination: string;
}

export interface CompareHost {
	fetcher: Fetch;
	/** The first sandbox's API base, /api/v1/sandboxes/{id}. */
	api(): string;
	/** A view of the second sandbox, wired like the first (on a clone of its markup: {@link cloneView}). */
	createView(created: CreatedSandbox): SandboxView;
	showError(message: string): void;
}

export function isCreated(value: unknown): value is CreatedSandbox {
	return typeof value === 'object' && value !== null && typeof (value as CreatedSandbox).id === 'string'
		&& typeof (value as CreatedSandbox).topic === 'string';
}

export class CompareMode {
	/** The second sandbox's view while comparing. */
	second: SandboxView | null = null;

	constructor(private readonly root: HTMLElement, private readonly host: CompareHost) {}

	get active(): boolean {
		return this.second !== null;
	}

	/** What the live region calls a side while comparing. */
	sideName(view: SandboxView): string {
		return view === this.second ? 'Local side' : 'Cluster side';
	}

	/** The compare button: enters or leaves, and says why it could not start. */
	async toggle(): Promise<void> {
		const button = this.root.querySelector<HTMLButtonElement>('[data-control="compare"]');
		if (button !== null) {
			button.disabled = true;
		}
		this.host.showError('');
		if (this.active) {
			await this.leave();
		}
		else {
			const outcome = await this.enter();
			if (!outcome.ok) {
				this.host.showError(`Compare mode could not start: ${outcome.message}`);
			}
		}
		if (button !== null) {
			button.disabled = false;
		}
	}

	async enter(): Promise<Outcome> {
		const response = await this.host.fetcher(`${this.host.api()}/comparison`, {
			method: 'POST', headers: { Accept: 'application/json' },
		}).catch(() => null);
		if (response === null) {
			return { ok: false, message: 'The server did not answer. Check that Traffic Lab is still running.' };
		}
		const body: unknown = await response.json().catch(() => null);
		if (!response.ok || !isCreated(body)) {
			return { ok: false, message: isApiErrors(body) ? body.errors.join(' ') : `HTTP ${response.status}` };
		}
		this.second = this.host.createView(body);
		this.second.start();
		this.show(true);
		return { ok: true };
	}

	/** Ends the comparison: the server ends the second sandbox; the first goes on alone under Cluster. */
	async leave(): Promise<void> {
		const second = this.second;
		if (second === null) {
			return;
		}
		this.second = null;
		this.show(false);
		// asked first: when the page is going away, the request outlives it (keepalive), the stream's goodbye may not
		const ended = this.host.fetcher(`${this.host.api()}/comparison`, { method: 'DELETE', keepalive: true })
			.catch(() => undefined);
		await second.stop();
		second.root.remove();
		await ended;
	}

	/** The page's marks of compare mode: side labels, the note, the policy switch off, the button's text. */
	private show(active: boolean): void {
		const views = this.root.querySelector<HTMLElement>('.views');
		if (views !== null) {
			views.dataset.compare = String(active);
		}
		const note = this.root.querySelector<HTMLElement>('[data-part="compare-note"]');
		if (note !== null) {
			note.hidden = !active;
		}
		const policy = this.root.querySelector<HTMLFieldSetElement>('fieldset[data-control="policy"]');
		if (policy !== null) {
			policy.disabled = active;
		}
		const button = this.root.querySelector<HTMLButtonElement>('[data-control="compare"]');
		if (button !== null) {
			button.setAttribute('aria-pressed', String(active));
			button.textContent = active ? 'Leave compare mode' : 'Compare Cluster and Local';
		}
		this.root.querySelectorAll<HTMLElement>('.sandbox-view [data-part="side"]').forEach((side) => {
			side.hidden = !active;
			side.textContent = side.closest<HTMLElement>('[data-view]')?.dataset.view === 'second' ? 'Local · ' : 'Cluster · ';
		});
	}
}

/** The second view's markup: a copy of the first's, emptied, right after it. */
export function cloneView(primary: HTMLElement): HTMLElement {
	const clone = primary.cloneNode(true) as HTMLElement;
	clone.dataset.view = 'second';
	uniquifyIds(clone, '-local');
	clone.querySelectorAll('tbody, [data-part="event-list"], [data-part="inspector"], [data-part="service-yaml"]')
		.forEach((element) => element.replaceChildren());
	// the server refuses edits of a compared Service: the edit stays on the primary side, which shows why
	clone.querySelector('[data-part="service-edit-controls"]')?.remove();
	primary.after(clone);
	return clone;
}

/** A cloned view must not repeat ids: suffix them, and the attributes that point at them. */
export function uniquifyIds(root: HTMLElement, suffix: string): void {
	root.querySelectorAll<HTMLElement>('[id]').forEach((element) => {
		element.id = `${element.id}${suffix}`;
	});
	for (const attribute of ['aria-labelledby', 'aria-describedby', 'for']) {
		root.querySelectorAll<HTMLElement>(`[${attribute}]`).forEach((element) => {
			const value = element.getAttribute(attribute) ?? '';
			element.setAttribute(attribute, value.split(/\s+/).map((id) => `${id}${suffix}`).join(' '));
		});
	}
}
