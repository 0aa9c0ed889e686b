// A classroom room's page (a student's, or the projector's): the teacher's sandbox watched read-only through the
// room's own topics, with the playground's canvas and panels and none of its controls. The page knows the room's code,
// never the sandbox id, so it could not send a command if it tried. It says so when the room has ended.
import type { Fetch } from '../commands/commands';
import { FrameLoop } from '../loop/frameLoop';
import type { Scene } from '../scene/scene';
import { Announcer } from '../playground/announcer';
import { showPreset } from '../playground/controls';
import type { TrafficLabHook } from '../playground/playground';
import { SandboxView } from '../playground/sandboxView';
import { presenceOf } from '../stream/presence';
import { streamUrl } from '../stream/streamUrl';

export interface RoomEnvironment {
	window: Window;
	document: Document;
	fetcher: Fetch;
}

/** What the browser tests read of a room page: the playground hook's reading half. */
export type RoomHook = Pick<TrafficLabHook, 'frames' | 'firstFrameAt' | 'firstPacketAt' | 'scene' | 'locate' | 'labels'> & {
	ended(): string | null;
};

const TEACHER_MANIFESTS = { title: 'The teacher’s manifests', description: 'A cluster your teacher applied or shared.' };

/** Whether an answer to GET /api/v1/rooms/{code} means the room is gone for good. */
export function roomGone(status: number): boolean {
	return status === 404 || status === 410;
}

export class RoomWatcher {
	private readonly view: SandboxView;
	private readonly loop: FrameLoop;
	private endedWith: string | null = null;
	readonly hook: RoomHook;

	constructor(private readonly root: HTMLElement, private readonly env: RoomEnvironment) {
		const data = root.dataset;
		const viewRoot = root.querySelector<HTMLElement>('[data-view="primary"]');
		const region = root.querySelector<HTMLElement>('[data-part="announcer"]');
		if (viewRoot === null || region === null) {
			throw new Error('The room page has no sandbox view');
		}
		const announcer = new Announcer(region);
		const reduceMotion = env.window.matchMedia('(prefers-reduced-motion: reduce)');
		const roomApi = data.roomApi ?? '';
		const hook: RoomHook = {
			frames: () => this.loop.frames,
			firstFrameAt: null,
			firstPacketAt: null,
			scene: () => this.view.scene,
			locate: (name) => {
				const layout = this.view.layout();
				const pod = layout?.pods.get(name);
				return pod === undefined ? null : { x: pod.rect.x + pod.rect.w / 2, y: pod.rect.y + pod.rect.h / 2 };
			},
			labels: () => this.view.labels(),
			ended: () => this.endedWith,
		};
		this.hook = hook;
		this.view = new SandboxView(viewRoot, {
			id: data.roomCode ?? '',
			api: roomApi,
			brokerURL: streamUrl(env.window.location, data.endpoint ?? '/ws', { room: data.roomCode ?? '' }),
			eventsTopic: data.eventsTopic ?? '',
			statsTopic: data.statsTopic ?? '',
			snapshotDestination: data.snapshotDestination ?? '',
			// over HTTP, to the room's owner: this page's stream may be connected to another instance
			snapshotUrl: data.snapshotUrl,
			presence: async () => presenceOf(await env.fetcher(roomApi, { method: 'GET', headers: { Accept: 'application/json' } }), roomGone),
			endedText: 'This room has ended.',
		}, {
			command: () => undefined,
			togglePolicy: () => undefined,
			announce: (text) => announcer.say(text),
			reducedMotion: () => reduceMotion.matches,
			firstFrame: (kind) => {
				const now = env.window.performance.now();
				if (kind === 'scene' && hook.firstFrameAt === null) {
					hook.firstFrameAt = now;
				}
				if (kind === 'packet' && hook.firstPacketAt === null) {
					hook.firstPacketAt = now;
				}
			},
			readOnly: true,
			ended: (message) => this.ended(message),
		});
		let lastPreset = 0;
		let shownPreset: string | null | undefined;
		this.loop = new FrameLoop({
			update: (step) => this.view.update(step),
			render: () => {
				const now = env.window.performance.now();
				this.view.render(now);
				const scene: Scene | null = this.view.scene;
				const shown = scene === null ? null : `${scene.preset ?? ''} ${scene.loadBalancerKind}`;
				if (scene !== null && now - lastPreset > 250 && shown !== shownPreset) {
					shownPreset = shown;
					showPreset(env.document, scene.preset, TEACHER_MANIFESTS,
						{ kind: scene.loadBalancerKind, name: scene.loadBalancerName });
					lastPreset = now;
				}
			},
		});
		const motionNote = viewRoot.querySelector<HTMLElement>('[data-part="motion-note"]');
		if (motionNote !== null) {
			motionNote.hidden = true;
		}
		this.view.locally((scene) => ({ ...scene, reducedMotion: reduceMotion.matches }));
	}

	start(): void {
		this.view.start();
		this.loop.start();
	}

	/** The room's stream now carries another sandbox (the teacher showed a student's, or went back): redraw from it. */
	resync(): void {
		this.view.resync();
	}

	/** The page is going away: close the stream cleanly rather than let the browser cut it mid-frame. */
	leave(): Promise<void> {
		return this.view.stop();
	}

	/** The picture stays, dimmed, under a notice; there is nothing left to fork or to project. */
	private ended(message: string): void {
		this.endedWith = message;
		this.root.classList.add('room-root--ended');
		const notice = this.root.querySelector<HTMLElement>('[data-part="room-ended"]');
		const reason = this.root.querySelector<HTMLElement>('[data-part="room-ended-reason"]');
		if (reason !== null) {
			reason.textContent = message;
		}
		if (notice !== null) {
			notice.hidden = false;
		}
		this.env.document.querySelectorAll<HTMLElement>('[data-control="fork"], [data-control="projector"]').forEach((link) => {
			link.hidden = true;
		});
		const note = this.env.document.querySelector('[data-part="room-note"]');
		if (note !== null) {
			note.textContent = 'The room has ended. Below is the teacher’s sandbox as it was last.';
		}
	}
}
