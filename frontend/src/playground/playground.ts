// Wires the playground page: one sandbox view (two in compare mode), the frame loop that drives them, the htmx
// controls and their mirror, commands from the canvas and the tables, the live region and the benchmark hook.
import type { ClipboardLike } from '../analyzer/copyCurl';
import { describeCommand, mirrorPath, send, type Command, type Fetch } from '../commands/commands';
import { installCommandErrors } from '../live/commandErrors';
import { webSocketUrl } from '../live/startLiveSandbox';
import { FrameLoop } from '../loop/frameLoop';
import { syntheticFlights } from '../scene/packets';
import { packetPoint } from '../scene/paths';
import type { Scene } from '../scene/scene';
import { Announcer } from './announcer';
import { ClassroomBanner } from './classroom';
import { CompareMode, type CreatedSandbox } from './compare';
import { showPreset, syncControls } from './controls';
import { copyLink, exportYaml, type ShareEnvironment } from './share';
import { SandboxView, type SandboxEndpoints, type ViewHost } from './sandboxView';

export interface PlaygroundEnvironment {
	window: Window;
	document: Document;
	fetcher: Fetch;
	clipboard?: ClipboardLike;
	/** Turns a permalink into the link "Copy link" shares (a lesson step page's own URL); the permalink if absent. */
	shareLink?: (permalink: string) => string;
}

interface HtmxRequestDetail {
	successful?: boolean;
	xhr?: XMLHttpRequest;
	requestConfig?: { verb?: string; path?: string; formData?: FormData };
}

export interface TrafficLabHook {
	injectPackets(count: number): number;
	inFlight(): number;
	frames(): number;
	firstFrameAt: number | null;
	firstPacketAt: number | null;
	scene(): Scene | null;
	/** Where a pod (its centre) or a node (an empty spot inside it) is drawn, in CSS px from the canvas' corner. */
	locate(name: string): { x: number; y: number } | null;
	/** The packets drawn now, where, and how far between two hops (always 0 under reduced motion). */
	packets(): { connection: number; x: number; y: number; t: number }[];
	/** The canvas item the keyboard is on, as "pod web-1" or "node n2". */
	focused(): string | null;
}

export class Playground {
	private readonly views: SandboxView[] = [];
	private readonly loop: FrameLoop;
	private readonly announcer: Announcer;
	private readonly compare: CompareMode;
	private readonly classroom: ClassroomBanner | null;
	private readonly errorLine: HTMLElement | null;
	private readonly reduceMotion: MediaQueryList;
	/** The page already titles a sandbox without a preset (a shared link, a lesson step): keep that title. */
	private shownPreset: string | null = null;
	readonly hook: TrafficLabHook;

	constructor(private readonly root: HTMLElement, private readonly env: PlaygroundEnvironment) {
		const data = root.dataset;
		this.errorLine = root.querySelector('#command-error');
		this.reduceMotion = env.window.matchMedia('(prefers-reduced-motion: reduce)');
		this.announcer = new Announcer(this.part(root, 'announcer'));
		this.compare = new CompareMode({
			fetcher: env.fetcher,
			sandboxes: data.sandboxes ?? '/api/v1/sandboxes',
			primaryApi: () => this.primary.endpoints.api,
			apiOf: (id) => `${data.sandboxes ?? '/api/v1/sandboxes'}/${encodeURIComponent(id)}`,
			addView: (created) => this.addSecondView(created),
			setPaused: (paused) => this.views.forEach((view) => view.locally((scene) => ({ ...scene, paused }))),
			removeView: () => this.removeSecondView(),
			setMode: (active) => this.setCompareMode(active),
		});
		const primaryRoot = root.querySelector<HTMLElement>('[data-view="primary"]');
		if (primaryRoot === null) {
			throw new Error('The playground page has no sandbox view');
		}
		this.views.push(new SandboxView(primaryRoot, {
			id: data.sandboxId ?? '',
			api: data.api ?? '',
			brokerURL: webSocketUrl(env.window.location, data.endpoint ?? '/ws'),
			eventsTopic: data.eventsTopic ?? '',
			statsTopic: data.statsTopic ?? '',
			snapshotDestination: data.snapshotDestination ?? '',
		}, this.viewHost()));
		this.classroom = this.createClassroom();
		this.hook = this.createHook();
		let lastControls = 0;
		this.loop = new FrameLoop({
			update: (step) => this.views.forEach((view) => view.update(step)),
			render: () => {
				const now = env.window.performance.now();
				this.views.forEach((view) => view.render(now));
				const scene = this.primary.scene;
				if (now - lastControls > 250 && scene !== null) {
					syncControls(this.root, scene);
					if (scene.preset !== this.shownPreset) {
						this.shownPreset = scene.preset;
						showPreset(env.document, scene.preset);
					}
					lastControls = now;
				}
			},
		});
		this.installControls();
	}

	get primary(): SandboxView {
		return this.views[0];
	}

	start(): void {
		this.showMotion();
		this.reduceMotion.addEventListener('change', () => this.showMotion());
		this.primary.start();
		this.loop.start();
		// /rooms/new sends a teacher here to open a room at once
		if (new URL(this.env.window.location.href).searchParams.get('classroom') === 'open') {
			void this.classroom?.open();
		}
		this.env.window.addEventListener('pagehide', () => {
			if (this.compare.active) {
				void this.compare.leave();
			}
		});
	}

	/** The page is going away: close the streams cleanly rather than let the browser cut them mid-frame. */
	leave(): Promise<void> {
		return Promise.all(this.views.map((view) => view.stop())).then(() => undefined);
	}

	/** Reduced motion: packets jump from hop to hop (the scene's flag), and a note says so. */
	private showMotion(): void {
		const reduced = this.reduceMotion.matches;
		this.views.forEach((view) => {
			view.locally((scene) => ({ ...scene, reducedMotion: reduced }));
			const note = view.root.querySelector<HTMLElement>('[data-part="motion-note"]');
			if (note !== null) {
				note.hidden = !reduced;
			}
		});
	}

	private part(root: ParentNode, name: string): HTMLElement {
		const element = root.querySelector<HTMLElement>(`[data-part="${name}"]`);
		if (element === null) {
			throw new Error(`The playground page has no ${name}`);
		}
		return element;
	}

	private viewHost(): ViewHost {
		return {
			command: (command) => void this.run(command),
			togglePolicy: () => {
				const current = this.primary.scene?.service.externalTrafficPolicy;
				void this.run({ kind: 'policy', value: current === 'Local' ? 'Cluster' : 'Local' });
			},
			announce: (text, from) => this.announcer.say(this.compare.active ? `${this.sideName(from)}: ${text}` : text),
			reducedMotion: () => this.reduceMotion.matches,
			firstFrame: (kind) => {
				const now = this.env.window.performance.now();
				if (kind === 'scene' && this.hook.firstFrameAt === null) {
					this.hook.firstFrameAt = now;
					this.env.window.performance.mark('trafficlab:first-frame');
				}
				if (kind === 'packet' && this.hook.firstPacketAt === null) {
					this.hook.firstPacketAt = now;
					this.env.window.performance.mark('trafficlab:first-animated-frame');
				}
			},
		};
	}

	private sideName(view: SandboxView): string {
		return view === this.primary ? 'Cluster side' : 'Local side';
	}

	private showError(message: string): void {
		if (this.errorLine !== null) {
			this.errorLine.textContent = message;
		}
	}

	/** Sends a command from the canvas, the tables or a shortcut: to both sandboxes in compare mode. */
	async run(command: Command): Promise<void> {
		if (command.kind === 'policy' && this.compare.active) {
			this.showError('In compare mode the left side runs Cluster and the right side Local. Leave compare mode to toggle.');
			return;
		}
		this.showError('');
		const targets = command.kind === 'preset' || command.kind === 'manifests' || !this.compare.active
			? [this.primary.endpoints.api]
			: this.views.map((view) => view.endpoints.api);
		const outcomes = await Promise.all(targets.map((api) => send(this.env.fetcher, api, command)));
		const failed = outcomes.find((outcome) => !outcome.ok);
		if (failed !== undefined && !failed.ok) {
			this.showError(`${describeCommand(command)} failed: ${failed.message}`);
			return;
		}
		// Pages around the playground (a challenge's checklist) re-check at once
		this.root.dispatchEvent(new CustomEvent('trafficlab:command', { bubbles: true, detail: { kind: command.kind } }));
		await this.afterSuccess(command.kind, command.kind === 'speed' ? command.factor : null);
	}

	/** What a successful command changes that the stream does not tell, and compare mode's follow-ups. */
	private async afterSuccess(kind: string, factor: number | null): Promise<void> {
		if (kind === 'pause' || kind === 'resume') {
			this.views.forEach((view) => view.locally((scene) => ({ ...scene, paused: kind === 'pause' })));
		}
		if (kind === 'speed' && factor !== null) {
			this.views.forEach((view) => view.locally((scene) => ({ ...scene, speed: factor })));
		}
		if (kind === 'manifests') {
			this.shownPreset = null;
			showPreset(this.env.document, null);
		}
		if (kind === 'preset' || kind === 'manifests') {
			if (this.compare.active) {
				const outcome = await this.compare.rebuild();
				if (!outcome.ok) {
					this.showError(`Compare mode stopped: ${outcome.message}`);
					await this.compare.leave();
				}
			}
		}
		if (kind === 'reset' && this.compare.active) {
			const outcome = await this.compare.applyPolicies();
			if (!outcome.ok) {
				this.showError(outcome.message);
			}
		}
	}

	private installControls(): void {
		installCommandErrors(this.root);
		// htmx controls talk to the first sandbox; compare mode replays each successful request to the second
		this.root.addEventListener('htmx:afterRequest', (event) => {
			const detail = (event as CustomEvent<HtmxRequestDetail>).detail;
			const path = detail.requestConfig?.path ?? '';
			if (detail.successful !== true || detail.xhr === undefined || detail.xhr.status >= 400) {
				return;
			}
			const kind = path.split('?')[0].split('/').pop() ?? '';
			const form = detail.requestConfig?.formData;
			const factor = kind === 'speed' && form !== undefined ? Number(form.get('factor')) : null;
			if (kind === 'preset') {
				this.fillManifests(String(form?.get('name') ?? ''));
				this.compare.rememberManifests(null);
			}
			if (this.compare.active && kind !== 'preset') {
				void this.mirror(detail);
			}
			void this.afterSuccess(kind, factor);
		});
		this.root.addEventListener('click', (event) => {
			const target = event.target as Element;
			const button = target.closest<HTMLButtonElement>('button[data-command]');
			if (button !== null) {
				this.tableCommand(button);
				return;
			}
			const control = target.closest<HTMLElement>('[data-control]')?.dataset.control;
			if (control === 'compare') {
				void this.toggleCompare();
			}
			else if (control === 'copy-link' || control === 'export-yaml') {
				void this.share(control);
			}
			else if (control === 'open-room') {
				void this.classroom?.open();
			}
			else if (control === 'close-room') {
				void this.classroom?.close();
			}
			else if (control === 'copy-room-link') {
				void this.classroom?.copyLink();
			}
			else if (control === 'apply-manifests') {
				const text = this.root.querySelector<HTMLTextAreaElement>('[data-control="manifests"]')?.value ?? '';
				this.compare.rememberManifests(text);
				void this.run({ kind: 'manifests', body: text });
			}
		});
		const rate = this.root.querySelector<HTMLInputElement>('[data-control="rate"]');
		rate?.addEventListener('input', () => {
			const output = this.root.querySelector('[data-control="rate-value"]');
			if (output !== null) {
				output.textContent = `${rate.value}/s`;
			}
		});
	}

	/** The classroom banner, where the page has one (the embed hides it). */
	private createClassroom(): ClassroomBanner | null {
		const banner = this.root.querySelector<HTMLElement>('[data-part="room-banner"]');
		const button = this.root.querySelector<HTMLElement>('[data-control="open-room"]');
		if (banner === null) {
			return null;
		}
		const status = this.root.querySelector('[data-control="share-status"]');
		return new ClassroomBanner(banner, button, button?.dataset.rooms ?? '/api/v1/rooms', {
			fetcher: this.env.fetcher,
			clipboard: this.env.clipboard,
			window: this.env.window,
			sandbox: () => this.primary.endpoints.id,
			say: (text) => {
				if (status !== null) {
					status.textContent = text;
				}
			},
		});
	}

	private async share(control: 'copy-link' | 'export-yaml'): Promise<void> {
		const status = this.root.querySelector('[data-control="share-status"]');
		const env: ShareEnvironment = {
			fetcher: this.env.fetcher,
			clipboard: this.env.clipboard,
			objectUrl: (blob) => URL.createObjectURL(blob),
			shareLink: this.env.shareLink,
		};
		const api = this.primary.endpoints.api;
		let text: string;
		try {
			text = control === 'copy-link' ? await copyLink(this.root, api, env) : await exportYaml(this.root, api, env);
		}
		catch {
			text = 'The server cannot be reached.';
		}
		if (status !== null) {
			status.textContent = text;
		}
	}

	private fillManifests(preset: string): void {
		const source = this.root.querySelector<HTMLTemplateElement>(`template[data-preset-manifests="${CSS.escape(preset)}"]`);
		const box = this.root.querySelector<HTMLTextAreaElement>('[data-control="manifests"]');
		if (source !== null && box !== null) {
			box.value = source.content.textContent ?? source.textContent ?? '';
		}
	}

	private async mirror(detail: HtmxRequestDetail): Promise<void> {
		const second = this.compare.secondApi;
		const path = detail.requestConfig?.path;
		if (second === null || path === undefined) {
			return;
		}
		const target = mirrorPath(path, this.primary.endpoints.id, second.split('/').pop() ?? '');
		if (target === null) {
			return;
		}
		const body = new URLSearchParams();
		detail.requestConfig?.formData?.forEach((value, key) => body.append(key, String(value)));
		const response = await this.env.fetcher(target, {
			method: (detail.requestConfig?.verb ?? 'post').toUpperCase(),
			body,
		}).catch(() => null);
		if (response === null || !response.ok) {
			this.showError('The Local side did not take the same command; its picture may differ now.');
		}
	}

	private tableCommand(button: HTMLButtonElement): void {
		const { command, node, pod } = button.dataset;
		switch (command) {
			case 'cordon':
			case 'uncordon':
			case 'drain':
			case 'kill':
			case 'remove-node':
				if (node !== undefined) {
					void this.run({ kind: command, node });
				}
				return;
			case 'delete-pod':
				if (pod !== undefined) {
					void this.run({ kind: 'delete-pod', pod });
				}
				return;
			case 'move': {
				const select = button.closest('tr')?.querySelector<HTMLSelectElement>('select');
				if (pod !== undefined && select !== null && select !== undefined && select.value !== '') {
					void this.run({ kind: 'move', pod, node: select.value });
				}
				return;
			}
			default:
		}
	}

	private async toggleCompare(): Promise<void> {
		const button = this.root.querySelector<HTMLButtonElement>('[data-control="compare"]');
		if (button !== null) {
			button.disabled = true;
		}
		this.showError('');
		if (this.compare.active) {
			await this.compare.leave();
		}
		else {
			const outcome = await this.compare.enter();
			if (!outcome.ok) {
				this.showError(`Compare mode could not start: ${outcome.message}`);
				await this.compare.leave();
			}
		}
		if (button !== null) {
			button.disabled = false;
		}
	}

	private addSecondView(created: CreatedSandbox): void {
		const clone = this.primary.root.cloneNode(true) as HTMLElement;
		clone.dataset.view = 'second';
		uniquifyIds(clone, '-local');
		clone.querySelectorAll('tbody, [data-part="event-list"], [data-part="inspector"], [data-part="service-yaml"]')
			.forEach((element) => element.replaceChildren());
		this.primary.root.after(clone);
		const data = this.root.dataset;
		const endpoints: SandboxEndpoints = {
			id: created.id,
			api: `${data.sandboxes ?? '/api/v1/sandboxes'}/${encodeURIComponent(created.id)}`,
			brokerURL: webSocketUrl(this.env.window.location, data.endpoint ?? '/ws'),
			eventsTopic: created.topic,
			statsTopic: created.statsTopic,
			snapshotDestination: created.snapshotDestination,
		};
		const view = new SandboxView(clone, endpoints, this.viewHost());
		this.views.push(view);
		view.start();
	}

	private async removeSecondView(): Promise<void> {
		const second = this.views[1];
		if (second === undefined) {
			return;
		}
		this.views.splice(1, 1);
		await second.stop();
		second.root.remove();
	}

	private setCompareMode(active: boolean): void {
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
		this.views.forEach((view, index) => {
			const side = view.root.querySelector<HTMLElement>('[data-part="side"]');
			if (side !== null) {
				side.hidden = !active;
				side.textContent = index === 0 ? 'Cluster · ' : 'Local · ';
			}
		});
	}

	private createHook(): TrafficLabHook {
		const countInFlight = (): number => {
			const scene = this.primary.scene;
			if (scene === null) {
				return 0;
			}
			return scene.flights.filter((flight) => flight.kind === 'packet' && flight.start !== null
				&& flight.start <= scene.clock.anim).length;
		};
		const hook: TrafficLabHook = {
			injectPackets: (count) => {
				this.primary.replaceScene((scene) => ({ ...scene, flights: [...scene.flights, ...syntheticFlights(scene, count)] }));
				return countInFlight();
			},
			inFlight: countInFlight,
			frames: () => this.loop.frames,
			firstFrameAt: null,
			firstPacketAt: null,
			scene: () => this.primary.scene,
			locate: (name) => {
				const layout = this.primary.layout();
				const pod = layout?.pods.get(name);
				if (pod !== undefined) {
					return { x: pod.rect.x + pod.rect.w / 2, y: pod.rect.y + pod.rect.h / 2 };
				}
				const node = layout?.nodes.get(name);
				return node === undefined ? null : { x: node.rect.x + node.rect.w / 2, y: node.rect.y + node.rect.h - 12 };
			},
			packets: () => {
				const scene = this.primary.scene;
				const layout = this.primary.layout();
				if (scene === null || layout === null) {
					return [];
				}
				return scene.flights.flatMap((flight) => {
					if (flight.kind !== 'packet') {
						return [];
					}
					const at = packetPoint(flight, scene.clock.anim, layout, scene.reducedMotion);
					return at === null || at.position.state !== 'moving' ? [] : [{ connection: flight.id, ...at.point, t: at.position.t }];
				});
			},
			focused: () => {
				const item = this.primary.view.focused;
				return item === null ? null : item.kind === 'pod' || item.kind === 'node' ? `${item.kind} ${item.name}` : item.kind;
			},
		};
		return hook;
	}
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
