// One sandbox on the page: its stream, its scene, its canvas and its panels. The playground has one, compare mode
// two. The stream feeds the pure scene functions; the frame loop calls update() and render().
import type { Command, Fetch } from '../commands/commands';
import { clickIntent } from '../input/pointer';
import { installPointer } from '../input/pointer';
import { keyIntent } from '../input/keyboard';
import { watcherIntent, type Intent } from '../input/intent';
import { renderInspector } from '../panels/inspector';
import { inspectConnection } from '../panels/inspect';
import { announcements } from '../panels/announcements';
import { EventListPanel } from '../panels/eventList';
import { fairnessLine } from '../panels/fairness';
import { healthRows, renderHealth } from '../panels/health';
import { probeLine } from '../scene/balancer';
import { countingLine, nodeShareRows, podShareRows, renderShares } from '../panels/shares';
import { changedLines, yamlText } from '../panels/serviceYaml';
import { networkNote, renderSources, sourceRows } from '../panels/sources';
import { renderTwin } from '../panels/twin';
import { pathTarget } from '../panels/rules';
import { RulesPanel, type PathRules } from '../panels/rulesPanel';
import { setText } from '../panels/dom';
import type { EventBatch, SandboxSnapshot, SimulationEvent, StatisticsMessage } from '../protocol/events';
import { CanvasRenderer } from '../render/canvasRenderer';
import type { DrawnLabel } from '../render/labelBoard';
import { applyBatch, applyStatistics } from '../scene/applyEvent';
import { computeLayout, layoutKey, type Layout } from '../scene/layout';
import { sceneFromSnapshot, type Scene } from '../scene/scene';
import { advance, isAnimating } from '../scene/timeline';
import { advanceFollow, startFollowing, type FollowState } from '../scene/follow';
import { hopSentence } from '../scene/hopWords';
import { NO_VIEW, type Drag, type ViewState } from '../scene/view';
import { presenceOf, type Presence } from '../stream/presence';
import { SandboxStream } from '../stream/sandboxStream';
import { NodeMenu } from './nodeMenu';

export interface SandboxEndpoints {
	id: string;
	api: string;
	brokerURL: string;
	eventsTopic: string;
	statsTopic: string;
	snapshotDestination: string;
	/** Where to GET the snapshot instead (a room's, which a load balancer routes to the room's owner). */
	snapshotUrl?: string;
	/** Whether what the view watches still exists; by default, whether the sandbox's snapshot is there. */
	presence?: () => Promise<Presence>;
	/** The stream's status once it is gone, when the server gave no words. */
	endedText?: string;
}

export interface ViewHost {
	command(command: Command, from: SandboxView): void;
	togglePolicy(from: SandboxView): void;
	announce(text: string, from: SandboxView): void;
	reducedMotion(): boolean;
	firstFrame(kind: 'scene' | 'packet'): void;
	/** A watcher's view (a classroom room's): look and inspect, never change the sandbox. */
	readOnly?: boolean;
	/** The stream stopped for good (the sandbox ended), in these words. */
	ended?(message: string, from: SandboxView): void;
	/** How the view reads its sandbox over HTTP (an embed's carries its token); the page's fetch by default. */
	fetcher?: Fetch;
}

/**
 * Dispatched on the view's root (bubbling) after the stream changed its scene (a snapshot, or a batch with events such
 * as ServiceUpdated): the embed's postMessage bridge reads the policy from the scene then.
 */
export const SCENE_CHANGED_EVENT = 'trafficlab:scene-changed';

const PANEL_INTERVAL_MS = 250;
const YAML_MARK_MS = 5000;

export class SandboxView {
	scene: Scene | null = null;
	view: ViewState = NO_VIEW;
	private readonly renderer: CanvasRenderer;
	private readonly stream: SandboxStream;
	private readonly events: EventListPanel;
	private readonly menu: NodeMenu;
	private layoutCache: { key: string; layout: Layout } | null = null;
	private width = 0;
	private dirty = true;
	private panelsDirty = true;
	private lastPanels = 0;
	private announced: Scene | null = null;
	private inspected: number | null = null;
	private yaml: { text: string; marks: number[]; since: number } | null = null;
	private drewScene = false;
	private drewPacket = false;
	/** The Rules panel; null where the page has none or the view only watches (a room's API is not the sandbox's). */
	readonly rules: RulesPanel | null;
	private pathRules: PathRules | null = null;

	private readonly fetcher: Fetch;

	constructor(readonly root: HTMLElement, readonly endpoints: SandboxEndpoints, private readonly host: ViewHost) {
		this.fetcher = host.fetcher ?? ((url, init) => fetch(url, init));
		const canvas = this.canvas;
		this.view = host.readOnly === true ? { ...NO_VIEW, readOnly: true } : NO_VIEW;
		this.renderer = new CanvasRenderer(canvas);
		this.events = new EventListPanel(this.part('event-list'), this.root.querySelector('[data-part="event-filter"]'),
			(connection) => this.inspect(connection));
		this.menu = new NodeMenu(this.part('node-menu'), canvas, (action, node) => host.command({ kind: action, node }, this));
		installPointer(canvas, {
			scene: () => this.scene,
			layout: () => this.layout(),
			view: () => this.view,
			setDrag: (drag: Drag | null) => this.setView({ ...this.view, drag }),
			setHover: (hover) => {
				if (hover !== this.view.hover) {
					this.setView({ ...this.view, hover });
				}
			},
			intent: (intent) => this.intent(intent),
			readOnly: host.readOnly,
		});
		canvas.addEventListener('keydown', (event) => this.key(event));
		canvas.addEventListener('focus', () => this.setView({ ...this.view, canvasFocused: true }));
		canvas.addEventListener('blur', () => this.setView({ ...this.view, canvasFocused: false }));
		const resize = new ResizeObserver(() => {
			this.dirty = true;
		});
		resize.observe(this.part('canvas-wrap'));
		// The visible way to follow a connection, for those who do not know the key: pressed, it stops
		this.root.querySelector('[data-part="follow"]')?.addEventListener('click',
			() => this.follow(this.view.follow != null ? 'stop' : null));
		this.stream = new SandboxStream({
			brokerURL: endpoints.brokerURL,
			eventsTopic: endpoints.eventsTopic,
			statsTopic: endpoints.statsTopic,
			snapshotDestination: endpoints.snapshotDestination,
			snapshotUrl: endpoints.snapshotUrl,
			fetcher: this.fetcher,
			presence: endpoints.presence ?? (async () => presenceOf(await this.fetcher(`${endpoints.api}/snapshot`, {}))),
			endedText: endpoints.endedText,
		}, {
			snapshot: (snapshot) => this.snapshot(snapshot),
			batch: (batch) => this.batch(batch),
			statistics: (message) => this.statistics(message),
			status: (text) => setText(this.root.querySelector('[data-part="stream-status"]'), text),
			ended: host.ended === undefined ? undefined : (message) => host.ended?.(message, this),
		});
		const rulesRoot = this.root.querySelector<HTMLElement>('[data-part="rules"]');
		if (rulesRoot !== null && host.readOnly === true) {
			rulesRoot.hidden = true;
		}
		this.rules = rulesRoot === null || host.readOnly === true ? null
			: new RulesPanel(rulesRoot, endpoints.api, this.fetcher, (path) => {
				this.pathRules = path;
				this.renderInspector();
			});
		this.renderInspector();
	}

	/** Every text the canvas drew in its last frame, with its box in CSS pixels of the page (debug hook). */
	labels(): DrawnLabel[] {
		const box = this.canvas.getBoundingClientRect();
		const view = this.canvas.ownerDocument.defaultView;
		const dx = box.left + (view?.scrollX ?? 0);
		const dy = box.top + (view?.scrollY ?? 0);
		return this.renderer.labels().map((label) => ({ ...label, x: label.x + dx, y: label.y + dy }));
	}

	get canvas(): HTMLCanvasElement {
		return this.part('canvas') as HTMLCanvasElement;
	}

	part(name: string): HTMLElement {
		const element = this.root.querySelector<HTMLElement>(`[data-part="${name}"]`);
		if (element === null) {
			throw new Error(`The playground page has no ${name}`);
		}
		return element;
	}

	start(): void {
		this.stream.start();
	}

	stop(): Promise<void> {
		return this.stream.stop();
	}

	/** Redraws from a new snapshot: the stream now carries another sandbox (a room showing a student's). */
	resync(): void {
		this.stream.resync();
	}

	/** Applied as soon as a command succeeds, before the stream could tell (pause and speed send no event). */
	locally(change: (scene: Scene) => Scene): void {
		if (this.scene !== null) {
			this.scene = change(this.scene);
			this.dirty = true;
			this.panelsDirty = true;
		}
	}

	update(stepMs: number): void {
		if (this.scene === null) {
			return;
		}
		const before = this.scene;
		this.scene = advance(before, stepMs);
		if (this.scene !== before) {
			this.dirty = true;
		}
		if (this.view.follow != null) {
			this.setFollow(advanceFollow(this.view.follow, this.scene, stepMs));
		}
	}

	/** Follows the next connection from a client (null: any client), or stops following (the "stop" argument). */
	follow(client: string | null | 'stop'): void {
		if (this.scene !== null) {
			this.setFollow(client === 'stop' ? null : startFollowing(this.scene, client));
		}
	}

	/** Sets the follow state; the live region hears each new hop, and when the picture returns to live. */
	private setFollow(next: FollowState | null): void {
		const previous = this.view.follow ?? null;
		if (next === previous) {
			return;
		}
		this.setView({ ...this.view, follow: next });
		this.renderFollowButton();
		if (next?.phase === 'following' && (previous?.phase !== 'following' || previous.hop !== next.hop
			|| previous.connection !== next.connection)) {
			this.host.announce(hopSentence(next.hops[next.hop], next.hop, next.hops.length, next.connection, next.client), this);
		}
		else if (next?.phase === 'waiting' && previous?.phase !== 'waiting') {
			this.host.announce(`Following the next connection from ${next.client ?? 'any client'}.`, this);
		}
		else if (next === null && previous !== null) {
			this.host.announce(previous.phase === 'following' ? 'Connection followed to its end: back to live.'
				: 'Stopped following: back to live.', this);
		}
	}

	private renderFollowButton(): void {
		const button = this.root.querySelector<HTMLElement>('[data-part="follow"]');
		if (button !== null) {
			button.setAttribute('aria-pressed', String(this.view.follow != null));
		}
	}

	render(now: number): void {
		const width = this.part('canvas-wrap').clientWidth;
		if (width !== this.width) {
			this.width = width;
			this.dirty = true;
		}
		const scene = this.scene;
		if (scene === null) {
			this.renderer.resize(width, Math.max(240, Math.round(width * 0.4)), window.devicePixelRatio || 1);
			this.renderer.drawWaiting('Connecting to the sandbox…', width);
			return;
		}
		const layout = this.layout();
		if (layout !== null && (this.dirty || isAnimating(scene) || this.view.follow != null)) {
			this.renderer.resize(width, layout.height, window.devicePixelRatio || 1);
			this.renderer.draw(scene, layout, this.view);
			this.dirty = false;
			if (!this.drewScene) {
				this.drewScene = true;
				this.host.firstFrame('scene');
			}
			if (!this.drewPacket && scene.flights.some((f) => f.kind === 'packet' && f.start !== null && f.start <= scene.clock.anim)) {
				this.drewPacket = true;
				this.host.firstFrame('packet');
			}
		}
		if (this.panelsDirty && now - this.lastPanels >= PANEL_INTERVAL_MS) {
			this.renderPanels(scene, now);
			this.lastPanels = now;
			this.panelsDirty = false;
		}
	}

	layout(): Layout | null {
		const scene = this.scene;
		if (scene === null || this.width === 0) {
			return null;
		}
		const input = { width: this.width, clientIps: scene.clientIps, nodes: scene.nodes, pods: scene.pods };
		const key = layoutKey(input);
		if (this.layoutCache?.key !== key) {
			this.layoutCache = { key, layout: computeLayout(input) };
		}
		return this.layoutCache.layout;
	}

	/** For the benchmark: makes {@code flights} the scene's flights (see playground.ts's debug hook). */
	replaceScene(change: (scene: Scene) => Scene): void {
		this.locally(change);
	}

	inspect(connection: number): void {
		this.inspected = connection;
		this.pathRules = null;
		this.setView({ ...this.view, selected: { kind: 'packet', connection } });
		this.renderInspector();
		this.rules?.select(pathTarget(connection, this.scene?.connections.get(connection)));
		this.root.querySelector('[data-part="inspector"]')?.closest('section')?.scrollIntoView?.({ block: 'nearest' });
	}

	private snapshot(snapshot: SandboxSnapshot): void {
		this.scene = sceneFromSnapshot(snapshot, this.scene?.clock.anim ?? 0, this.host.reducedMotion());
		this.layoutCache = null;
		this.dirty = true;
		this.yaml = null;
		this.sceneChanged(this.scene, []);
	}

	private batch(batch: EventBatch): void {
		if (this.scene === null) {
			return;
		}
		this.scene = applyBatch(this.scene, batch);
		this.dirty = true;
		if (batch.events.length > 0) {
			this.sceneChanged(this.scene, batch.events);
		}
	}

	/**
	 * After a snapshot, or a batch with events: the panels are due, the rules panel gets the nodes (and the events,
	 * which may make it fetch again), then the announcements and the page's listeners.
	 */
	private sceneChanged(scene: Scene, events: readonly SimulationEvent[]): void {
		this.panelsDirty = true;
		this.rules?.setNodes(scene.nodes.filter((node) => !node.gone).map((node) => node.name));
		this.rules?.events(events);
		this.afterChange();
		this.root.dispatchEvent(new CustomEvent(SCENE_CHANGED_EVENT, { bubbles: true }));
	}

	private statistics(message: StatisticsMessage): void {
		if (this.scene === null) {
			return;
		}
		this.scene = applyStatistics(this.scene, message);
		this.dirty = true;
		this.panelsDirty = true;
		this.afterChange();
	}

	private afterChange(): void {
		const scene = this.scene;
		if (scene === null) {
			return;
		}
		for (const sentence of announcements(this.announced, scene)) {
			this.host.announce(sentence, this);
		}
		this.announced = scene;
	}

	private setView(view: ViewState): void {
		this.view = view;
		this.dirty = true;
	}

	private key(event: KeyboardEvent): void {
		if (this.scene === null || event.altKey || event.ctrlKey || event.metaKey) {
			return;
		}
		const intent = keyIntent(event.key, this.scene, this.view);
		if (intent.kind !== 'none') {
			event.preventDefault();
			this.intent(intent);
		}
	}

	private intent(wanted: Intent): void {
		const scene = this.scene;
		const intent = this.host.readOnly === true ? watcherIntent(wanted) : wanted;
		switch (intent.kind) {
			case 'focus':
				this.setView({ ...this.view, focused: intent.item });
				return;
			case 'select':
				this.setView({ ...this.view, selected: intent.item, focused: intent.item ?? this.view.focused });
				if (intent.item?.kind === 'node') {
					this.rules?.show({ node: intent.item.name });
				}
				return;
			case 'carry':
				this.setView({
					...this.view, carrying: intent.pod,
					selected: intent.pod === null ? null : { kind: 'pod', name: intent.pod },
					focused: intent.pod === null ? this.view.focused : { kind: 'pod', name: intent.pod },
				});
				return;
			case 'move':
				this.setView({ ...this.view, carrying: null, selected: null });
				this.host.command({ kind: 'move', pod: intent.pod, node: intent.node }, this);
				return;
			case 'delete':
				this.setView({ ...this.view, carrying: null, selected: null });
				this.host.command({ kind: 'delete-pod', pod: intent.pod }, this);
				return;
			case 'menu': {
				const layout = this.layout();
				const box = layout?.nodes.get(intent.node);
				const at = intent.at ?? (box === undefined ? { x: 8, y: 8 } : { x: box.menu.x - 150, y: box.menu.y + box.menu.h + 4 });
				const node = scene?.nodes.find((n) => n.name === intent.node);
				this.menu.open(intent.node, at, node?.cordoned ?? false);
				return;
			}
			case 'inspect':
				this.inspect(intent.connection);
				return;
			case 'toggle-policy':
				this.host.togglePolicy(this);
				return;
			case 'follow':
				this.follow(intent.client);
				return;
			case 'cancel':
				this.setView({ ...this.view, carrying: null, selected: null, drag: null });
				this.setFollow(null);
				return;
			case 'none':
				return;
		}
	}

	/** Exposed for tests of the click path without a pointer. */
	clickAt(x: number, y: number): void {
		const scene = this.scene;
		const layout = this.layout();
		if (scene !== null && layout !== null) {
			this.intent(clickIntent(scene, layout, { x, y }, this.view));
		}
	}

	private renderInspector(): void {
		const root = this.part('inspector');
		const scene = this.scene;
		if (this.inspected === null || scene === null) {
			renderInspector(root, null, null);
			return;
		}
		const record = scene.connections.get(this.inspected);
		// The nodes when the connection arrived, too: a node killed since is still a node in its trip
		const nodes = new Set([...scene.nodes.map((n) => n.name), ...(record?.context.targets.map((t) => t.node) ?? [])]);
		const places = {
			nodes, pods: new Set(scene.pods.map((p) => p.name)), loadBalancer: record?.context.loadBalancerName ?? '',
		};
		const path = this.pathRules?.connection === this.inspected ? this.pathRules : null;
		renderInspector(root, record === undefined ? null : inspectConnection(record, places),
			record === undefined ? this.inspected : null, path);
	}

	private renderPanels(scene: Scene, now: number): void {
		renderShares(this.part('pod-shares'), podShareRows(scene), 'Connections');
		renderShares(this.part('node-shares'), nodeShareRows(scene), 'Traffic');
		setText(this.part('counting'), countingLine(scene));
		setText(this.part('fairness'), scene.statistics === null ? 'Waiting for statistics…' : fairnessLine(scene.statistics).text);
		renderSources(this.part('sources'), sourceRows(scene));
		setText(this.root.querySelector('[data-part="sources-network"]'), networkNote(scene.network));
		renderHealth(this.part('health'), healthRows(scene), this.root.querySelector('[data-part="health-probe"]'), probeLine(scene));
		this.renderYaml(scene, now);
		this.events.render(scene.recent);
		renderTwin(this.part('twin'), scene, this.host.readOnly !== true);
		setText(this.root.querySelector('[data-part="sim-clock"]'), `${(scene.now / 1_000_000).toFixed(1)} s`);
	}

	private renderYaml(scene: Scene, now: number): void {
		const text = yamlText(scene.serviceYaml);
		if (this.yaml === null || this.yaml.text !== text) {
			this.yaml = { text, marks: changedLines(this.yaml?.text ?? null, text), since: now };
		}
		else if (this.yaml.marks.length > 0 && now - this.yaml.since > YAML_MARK_MS) {
			this.yaml = { ...this.yaml, marks: [] };
		}
		else if (this.part('service-yaml').dataset.rendered === text) {
			return;
		}
		const code = this.part('service-yaml');
		const doc = code.ownerDocument;
		const marks = new Set(this.yaml.marks);
		code.replaceChildren(...text.split('\n').flatMap((line, index) => {
			const node = marks.has(index) ? doc.createElement('mark') : doc.createTextNode(line);
			if (node instanceof HTMLElement) {
				node.textContent = line;
			}
			return index === 0 ? [node] : [doc.createTextNode('\n'), node];
		}));
		code.dataset.rendered = this.yaml.marks.length > 0 ? '' : text;
	}
}
