// Compare mode: a second sandbox from the same manifests (or preset) and the same seed, so the same cluster gets the
// same client traffic; both are reset together, the first runs Cluster and the second Local, and every command goes
// to both.
import { send, type Command, type Fetch, type Outcome } from '../commands/commands';
import { isApiErrors, isSandboxSnapshot } from '../protocol/events';

export interface CreatedSandbox {
	id: string;
	topic: string;
	statsTopic: string;
	snapshotDestination: string;
}

export interface CompareHost {
	fetcher: Fetch;
	/** POST /api/v1/sandboxes */
	sandboxes: string;
	primaryApi(): string;
	apiOf(id: string): string;
	/** Puts the second view on the page and starts its stream. */
	addView(created: CreatedSandbox): void;
	/** Both sandboxes now run (or stand still): pause and resume send no event, so the views are told. */
	setPaused(paused: boolean): void;
	removeView(): Promise<void>;
	setMode(active: boolean): void;
}

function isCreated(value: unknown): value is CreatedSandbox {
	return typeof value === 'object' && value !== null && typeof (value as CreatedSandbox).id === 'string'
		&& typeof (value as CreatedSandbox).topic === 'string';
}

export class CompareMode {
	private secondId: string | null = null;
	private manifests: string | null = null;

	constructor(private readonly host: CompareHost) {}

	get active(): boolean {
		return this.secondId !== null;
	}

	get secondApi(): string | null {
		return this.secondId === null ? null : this.host.apiOf(this.secondId);
	}

	/** The manifests last applied on this page: compare mode starts its second sandbox from them. */
	rememberManifests(manifests: string | null): void {
		this.manifests = manifests;
	}

	async enter(): Promise<Outcome> {
		const { fetcher } = this.host;
		const primary = this.host.primaryApi();
		const response = await fetcher(`${primary}/snapshot`, { method: 'GET' });
		const snapshot: unknown = await response.json();
		if (!isSandboxSnapshot(snapshot)) {
			return { ok: false, message: isApiErrors(snapshot) ? snapshot.errors.join(' ') : 'The sandbox has ended.' };
		}
		const seed = snapshot.simulation.settings.seed;
		const query = `seed=${typeof seed === 'number' ? seed : 0}`;
		const fromPreset = snapshot.preset !== null;
		if (!fromPreset && this.manifests === null) {
			return { ok: false, message: 'Compare mode needs the manifests this sandbox runs: apply them again first.' };
		}
		const created = await fetcher(fromPreset
			? `${this.host.sandboxes}?preset=${encodeURIComponent(snapshot.preset ?? '')}&${query}`
			: `${this.host.sandboxes}?${query}`, {
			method: 'POST',
			body: fromPreset ? undefined : this.manifests ?? undefined,
			headers: fromPreset ? {} : { 'Content-Type': 'application/yaml' },
		});
		const body: unknown = await created.json().catch(() => null);
		if (!created.ok || !isCreated(body)) {
			return { ok: false, message: isApiErrors(body) ? body.errors.join(' ') : `HTTP ${created.status}` };
		}
		this.secondId = body.id;
		const second = this.host.apiOf(body.id);
		const both = [primary, second];
		const steps: Command[][] = [
			[{ kind: 'pause' }],
			[{ kind: 'reset' }],
			[{ kind: 'speed', factor: snapshot.speed }],
		];
		for (const commands of steps) {
			const failed = await this.each(both, commands);
			if (failed !== null) {
				return failed;
			}
		}
		const policies = await this.applyPolicies();
		if (!policies.ok) {
			return policies;
		}
		if (!snapshot.paused) {
			const failed = await this.each(both, [{ kind: 'resume' }]);
			if (failed !== null) {
				return failed;
			}
		}
		// The second view starts watching only now, so its first snapshot already shows the clock running
		this.host.addView(body);
		this.host.setMode(true);
		this.host.setPaused(snapshot.paused);
		return { ok: true };
	}

	async leave(): Promise<void> {
		const id = this.secondId;
		this.secondId = null;
		this.host.setMode(false);
		await this.host.removeView();
		if (id !== null) {
			await this.host.fetcher(this.host.apiOf(id), { method: 'DELETE', keepalive: true }).catch(() => undefined);
		}
	}

	/** After the first sandbox started over from other manifests or another preset: build the second again. */
	async rebuild(): Promise<Outcome> {
		await this.leave();
		return this.enter();
	}

	/** Left Cluster, right Local (a reset brings back the declared policy, so this follows every reset). */
	async applyPolicies(): Promise<Outcome> {
		const second = this.secondApi;
		if (second === null) {
			return { ok: true };
		}
		const [a, b] = await Promise.all([
			send(this.host.fetcher, this.host.primaryApi(), { kind: 'policy', value: 'Cluster' }),
			send(this.host.fetcher, second, { kind: 'policy', value: 'Local' }),
		]);
		return !a.ok ? a : b;
	}

	private async each(apis: string[], commands: Command[]): Promise<Outcome | null> {
		for (const command of commands) {
			const outcomes = await Promise.all(apis.map((api) => send(this.host.fetcher, api, command)));
			const failed = outcomes.find((outcome) => !outcome.ok);
			if (failed !== undefined) {
				return failed;
			}
		}
		return null;
	}
}
