// The debug hook that only measurements and browser tests use (README "Playground"): window.__trafficLab reads the
// primary view's scene, layout and frames, injects synthetic packets, and records the first frames (also as
// performance marks).
import { densityOf, isDrawn } from '../scene/density';
import { followSummary } from '../scene/follow';
import { syntheticFlights } from '../scene/packets';
import { packetAt } from '../input/hitTest';
import { packetPoint } from '../scene/paths';
import type { DrawnLabel } from '../render/labelBoard';
import type { Scene } from '../scene/scene';
import type { SandboxView } from './sandboxView';

export interface TrafficLabHook {
	injectPackets(count: number): number;
	inFlight(): number;
	frames(): number;
	firstFrameAt: number | null;
	firstPacketAt: number | null;
	scene(): Scene | null;
	/**
	 * Where a pod (its centre), a node (an empty spot inside it) or a client (its centre, by address) is drawn, in CSS px
	 * from the canvas' corner.
	 */
	locate(name: string): { x: number; y: number } | null;
	/** The packets drawn now, where, and how far between two hops (always 0 under reduced motion). */
	packets(): { connection: number; x: number; y: number; t: number }[];
	/**
	 * The packet a click at this point opens: the nearest one drawn there, moving or not (null for none). A packet
	 * that another one covers opens that other one.
	 */
	packetAt(x: number, y: number): number | null;
	/** The canvas item the keyboard is on, as "pod web-1" or "node n2". */
	focused(): string | null;
	/**
	 * Every text drawn in the last frame: the text shown, the text it stands for, what it carries, and its box in
	 * CSS pixels of the page.
	 */
	labels(): DrawnLabel[];
	/**
	 * "Follow one connection": the client, the connection followed (null while waiting for it), the hop shown (-1 while
	 * waiting) and how many hops it has; null when the picture is live.
	 */
	following(): ReturnType<typeof followSummary>;
}

export function createHook(primary: () => SandboxView, frames: () => number): TrafficLabHook {
	const countInFlight = (): number => {
		const scene = primary().scene;
		if (scene === null) {
			return 0;
		}
		return scene.flights.filter((flight) => flight.kind === 'packet' && flight.start !== null
			&& flight.start <= scene.clock.anim).length;
	};
	return {
		injectPackets: (count) => {
			primary().replaceScene((scene) => ({ ...scene, flights: [...scene.flights, ...syntheticFlights(scene, count)] }));
			return countInFlight();
		},
		inFlight: countInFlight,
		frames,
		firstFrameAt: null,
		firstPacketAt: null,
		scene: () => primary().scene,
		locate: (name) => {
			const layout = primary().layout();
			const pod = layout?.pods.get(name);
			if (pod !== undefined) {
				return { x: pod.rect.x + pod.rect.w / 2, y: pod.rect.y + pod.rect.h / 2 };
			}
			const node = layout?.nodes.get(name);
			if (node !== undefined) {
				return { x: node.rect.x + node.rect.w / 2, y: node.rect.y + node.rect.h - 12 };
			}
			const client = layout?.clients.get(name);
			return client === undefined ? null : { x: client.rect.x + client.rect.w / 2, y: client.rect.y + client.rect.h / 2 };
		},
		packets: () => {
			const scene = primary().scene;
			const layout = primary().layout();
			if (scene === null || layout === null) {
				return [];
			}
			const density = densityOf(scene, layout);
			const view = primary().view;
			const selected = view.selected?.kind === 'packet' ? view.selected.connection : null;
			return scene.flights.flatMap((flight) => {
				if (flight.kind !== 'packet' || !isDrawn(flight, density, { selected, hover: view.hover }, scene)) {
					return [];
				}
				const at = packetPoint(flight, scene.clock.anim, layout, scene.reducedMotion);
				return at === null || at.position.state !== 'moving' ? [] : [{ connection: flight.id, ...at.point, t: at.position.t }];
			});
		},
		packetAt: (x, y) => {
			const scene = primary().scene;
			const layout = primary().layout();
			return scene === null || layout === null ? null : packetAt(scene, layout, { x, y });
		},
		labels: () => primary().labels(),
		focused: () => {
			const item = primary().view.focused;
			return item === null ? null : item.kind === 'pod' || item.kind === 'node' ? `${item.kind} ${item.name}` : item.kind;
		},
		following: () => followSummary(primary().view.follow ?? null),
	};
}

/** Notes a view's first drawn frame and first moving packet, once each. */
export function markFirstFrame(hook: TrafficLabHook, kind: 'scene' | 'packet', performance: Performance): void {
	const now = performance.now();
	if (kind === 'scene' && hook.firstFrameAt === null) {
		hook.firstFrameAt = now;
		performance.mark('trafficlab:first-frame');
	}
	if (kind === 'packet' && hook.firstPacketAt === null) {
		hook.firstPacketAt = now;
		performance.mark('trafficlab:first-animated-frame');
	}
}
