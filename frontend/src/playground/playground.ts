// Composes the playground page: one sandbox view (two in compare mode), the frame loop that drives them, the commands
// from the canvas, the tables and the htmx controls, and what the page does with the server's answer to each.
import type { ClipboardLike } from '../analyzer/copyCurl';
import { describeCommand, send, type Command, type Fetch, type Outcome } from '../commands/commands';
import { installCommandErrors } from '../live/commandErrors';
import { embedCredentials, streamUrlWithToken, type EmbedCredentials } from '../embed/embedToken';
import { FrameLoop } from '../loop/frameLoop';
import { COMMAND_EVENT, isCommandOutcome, type CommandOutcome } from '../protocol/commandOutcome';
import { Announcer } from './announcer';
import { classroomBanner, type ClassroomBanner } from './classroom';
import { cloneView, CompareMode, type CreatedSandbox } from './compare';
import { fillManifests, forgetStartingCluster, showPreset, syncControls } from './controls';
import { createHook, markFirstFrame, type TrafficLabHook } from './debugHook';
import { installPageControls, type RoomControl, type ShareControl } from './pageControls';
import { SandboxView, type SandboxEndpoints, type ViewHost } from './sandboxView';
import { installServiceEditor } from './serviceEditor';
import { endedOffer, PermalinkMemory, showEnded } from './ended';
import { copyLink, exportYaml, type Permalink } from './share';
import { streamUrl } from '../stream/streamUrl';

export type { TrafficLabHook } from './debugHook';

export interface PlaygroundEnvironment {
	window: Window;
	document: Document;
	fetcher: Fetch;
	clipboard?: ClipboardLike;
	/** Turns a permalink into the link "Copy link" shares (a lesson step page's own URL); the permalink if absent. */
	shareLink?: (permalink: Permalink) => string;
}

export class Playground {
	private readonly primaryView: SandboxView;
	private readonly loop: FrameLoop;
	private readonly announcer: Announcer;
	private readonly compare: CompareMode;
	private readonly classroom: ClassroomBanner | null;
	private readonly errorLine: HTMLElement | null;
	private readonly reduceMotion: MediaQueryList;
	/** The page already titles a sandbox without a preset (a shared link, a lesson step): keep that title. */
	private shownPreset: string | null = null;
	/** The latest command outcome applied: an earlier one arriving late changes nothing. */
	private revision = 0;
	/** The state to offer again should the sandbox end (its server stopped, say). */
	private readonly permalinks: PermalinkMemory;
	readonly hook: TrafficLabHook;

	constructor(private readonly root: HTMLElement, private readonly env: PlaygroundEnvironment) {
		const data = root.dataset;
		this.errorLine = root.querySelector('#command-error');
		this.reduceMotion = env.window.matchMedia('(prefers-reduced-motion: reduce)');
		this.announcer = new Announcer(this.part('announcer'));
		this.permalinks = new PermalinkMemory(env.fetcher, () => this.primary.endpoints.api);
		const primaryRoot = root.querySelector<HTMLElement>('[data-view="primary"]');
		if (primaryRoot === null) {
			throw new Error('The playground page has no sandbox view');
		}
		this.primaryView = new SandboxView(primaryRoot, this.endpoints({
			id: data.sandboxId ?? '',
			topic: data.eventsTopic ?? '',
			statsTopic: data.statsTopic ?? '',
			snapshotDestination: data.snapshotDestination ?? '',
		}), this.viewHost());
		this.compare = new CompareMode(root, {
			fetcher: env.fetcher,
			api: () => this.primary.endpoints.api,
			createView: (created) => new SandboxView(cloneView(this.primary.root), this.endpoints(created), this.viewHost()),
			showError: (message) => this.showError(message),
		});
		this.classroom = classroomBanner(root, {
			fetcher: env.fetcher,
			clipboard: env.clipboard,
			window: env.window,
			sandbox: () => this.primary.endpoints.id,
		});
		let lastControls = 0;
		this.loop = new FrameLoop({
			update: (step) => this.views.forEach((view) => view.update(step)),
			render: () => {
				const now = env.window.performance.now();
				this.views.forEach((view) => view.render(now));
				const scene = this.primary.scene;
				if (now - lastControls > 250 && scene !== null) {
					syncControls(this.root, scene);
					const shown = `${scene.preset ?? ''} ${scene.loadBalancerKind}`;
					if (shown !== this.shownPreset) {
						this.shownPreset = shown;
						showPreset(env.document, scene.preset, undefined,
							{ kind: scene.loadBalancerKind, name: scene.loadBalancerName });
					}
					lastControls = now;
				}
			},
		});
		this.hook = createHook(() => this.primary, () => this.loop.frames);
		this.installControls();
		installServiceEditor(primaryRoot, {
			liveYaml: () => this.primary.scene?.serviceYaml ?? null,
			send: (yaml) => send(env.fetcher, this.primary.endpoints.api, { kind: 'edit-service', body: yaml }),
			accepted: (result) => {
				if (result.outcome !== undefined) {
					this.root.dispatchEvent(new CustomEvent(COMMAND_EVENT, { bubbles: true, detail: result.outcome }));
				}
			},
		});
	}

	get primary(): SandboxView {
		return this.primaryView;
	}

	private get views(): SandboxView[] {
		return this.compare.second === null ? [this.primaryView] : [this.primaryView, this.compare.second];
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
		this.env.window.addEventListener('pagehide', () => void this.compare.leave());
	}

	/** The page is going away: close the streams cleanly rather than let the browser cut them mid-frame. */
	leave(): Promise<void> {
		return Promise.all(this.views.map((view) => view.stop())).then(() => undefined);
	}

	/**
	 * Sends a command from the canvas, the tables, a shortcut or the embed's host page; in compare mode the server applies
	 * it to both sides. Resolves to the server's answer.
	 */
	async run(command: Command): Promise<Outcome> {
		this.showError('');
		const result = await send(this.env.fetcher, this.primary.endpoints.api, command);
		if (!result.ok) {
			this.showError(`${describeCommand(command)} failed: ${result.message}`);
			return result;
		}
		// the same event htmx dispatches for its own requests, from the header: pages around the playground (a
		// challenge's checklist) re-check at once
		if (result.outcome !== undefined) {
			this.root.dispatchEvent(new CustomEvent(COMMAND_EVENT, { bubbles: true, detail: result.outcome }));
		}
		return result;
	}

	/** What the server's answer to a command changes that the stream does not tell (pause and speed send no event). */
	private afterCommand(outcome: CommandOutcome): void {
		if (outcome.sandbox !== this.primary.endpoints.id) {
			return;
		}
		if (outcome.revision > this.revision) {
			this.revision = outcome.revision;
			this.views.forEach((view) => view.locally((scene) => ({ ...scene, paused: outcome.paused,
				pausedAt: outcome.paused ? outcome.simTime : null, speed: outcome.speed })));
		}
		if (outcome.command === 'applyManifests') {
			this.shownPreset = null;
			forgetStartingCluster(this.env.document);
			showPreset(this.env.document, null);
		}
		if (outcome.command === 'switchPreset' && outcome.preset !== null) {
			fillManifests(this.root, outcome.preset);
		}
	}

	private installControls(): void {
		installCommandErrors(this.root);
		this.root.addEventListener(COMMAND_EVENT, (event) => {
			const outcome: unknown = (event as CustomEvent<unknown>).detail;
			if (isCommandOutcome(outcome)) {
				this.afterCommand(outcome);
				if (outcome.sandbox === this.primary.endpoints.id) {
					this.permalinks.changed();
				}
			}
		});
		installPageControls(this.root, {
			command: (command) => void this.run(command),
			toggleCompare: () => void this.compare.toggle(),
			share: (control) => void this.share(control),
			room: (control) => void this.room(control),
		});
	}

	private viewHost(): ViewHost {
		return {
			command: (command) => void this.run(command),
			togglePolicy: () => {
				const current = this.primary.scene?.service.externalTrafficPolicy;
				void this.run({ kind: 'policy', value: current === 'Local' ? 'Cluster' : 'Local' });
			},
			announce: (text, from) => this.announcer.say(this.compare.active ? `${this.compare.sideName(from)}: ${text}` : text),
			reducedMotion: () => this.reduceMotion.matches,
			firstFrame: (kind) => markFirstFrame(this.hook, kind, this.env.window.performance),
			fetcher: this.env.fetcher,
			ended: (message, from) => {
				if (from === this.primaryView) {
					this.sandboxEnded(message);
				}
			},
		};
	}

	/** The notice: the server's words, start again, and reopen the state reached when the page knows it. */
	private sandboxEnded(message: string): void {
		this.permalinks.stop();
		showEnded(this.root, endedOffer(message, this.env.window.location.href, this.permalinks.known, this.env.shareLink));
	}

	private endpoints(created: CreatedSandbox): SandboxEndpoints {
		const data = this.root.dataset;
		return {
			id: created.id,
			api: `${data.sandboxes ?? '/api/v1/sandboxes'}/${encodeURIComponent(created.id)}`,
			brokerURL: withEmbedToken(streamUrl(this.env.window.location, data.endpoint ?? '/ws', { sandbox: created.id }),
				embedCredentials(data), created.id),
			eventsTopic: created.topic,
			statsTopic: created.statsTopic,
			snapshotDestination: created.snapshotDestination,
		};
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

	private async share(control: ShareControl): Promise<void> {
		const env = {
			fetcher: this.env.fetcher,
			clipboard: this.env.clipboard,
			objectUrl: (blob: Blob) => URL.createObjectURL(blob),
			shareLink: this.env.shareLink,
			remember: (permalink: Permalink) => this.permalinks.remember(permalink),
		};
		const api = this.primary.endpoints.api;
		let text: string;
		try {
			text = control === 'copy-link' ? await copyLink(this.root, api, env) : await exportYaml(this.root, api, env);
		}
		catch {
			text = 'The server cannot be reached.';
		}
		const status = this.root.querySelector('[data-control="share-status"]');
		if (status !== null) {
			status.textContent = text;
		}
	}

	private room(control: RoomControl): Promise<void> | undefined {
		switch (control) {
			case 'open-room':
				return this.classroom?.open();
			case 'close-room':
				return this.classroom?.close();
			case 'copy-room-link':
				return this.classroom?.copyLink();
		}
	}

	private showError(message: string): void {
		if (this.errorLine !== null) {
			this.errorLine.textContent = message;
		}
	}

	private part(name: string): HTMLElement {
		const element = this.root.querySelector<HTMLElement>(`[data-part="${name}"]`);
		if (element === null) {
			throw new Error(`The playground page has no ${name}`);
		}
		return element;
	}
}

/** The stream's URL; an embed's own sandbox's carries the embed token, which a sandboxed frame's handshake needs. */
function withEmbedToken(url: string, credentials: EmbedCredentials | undefined, sandbox: string): string {
	return credentials !== undefined && credentials.sandbox === sandbox ? streamUrlWithToken(url, credentials) : url;
}
