// How many packets the canvas draws: at 50 connections a second (or 200, or at 8× speed) every connection's packet
// would swarm over the picture, so only one connection in k is drawn, whole (id modulo k: drawn from its first hop to
// its last, or not at all), and the canvas says so. The packets that teach are always drawn: a dropped or refused
// connection, one that was reset, the selected or hovered one, and the benchmark's packets (a followed connection is
// drawn on its own clock). Only drawing samples: the tables, statistics and the inspector keep every connection.
import type { Layout } from './layout';
import { hopMs } from './packets';
import type { PacketFlight, Scene } from './scene';

/** Moving packets per client→pod path the eye can follow: on the largest canvases, and on the smallest. */
export const MOST_PER_PATH = 8;
export const FEWEST_PER_PATH = 3;
/** Canvas side (CSS px) at and below which a path gets {@link FEWEST_PER_PATH} packets, and from which it gets the most. */
const SMALL_SIDE = 480;
const FULL_SIDE = 1200;
/** Hop-to-hop legs of a routed trip, request and reply (client, LB, node, pod and back). */
const LEGS_PER_TRIP = 7;

export interface Density {
	/** One connection in this many is drawn (a power of two, so a sample at 8 is part of the sample at 4). */
	every: number;
	/** Packets in flight the canvas can show at once. */
	budget: number;
	/** Packets in flight at the scene's rate and speed if every connection were drawn. */
	expected: number;
}

/** What is always drawn whatever the sample: the packet the learner looks at. */
export interface Watched {
	selected: number | null;
	hover: number | null;
}

/** Client→pod paths: every client can reach every pod that serves the Service. */
export function pathCount(scene: Pick<Scene, 'clientIps' | 'pods'>): number {
	const pods = scene.pods.filter((pod) => pod.backsService && pod.status !== 'terminating').length;
	return Math.max(1, scene.clientIps.length) * Math.max(1, pods);
}

/** Packets in flight at once the canvas can show: a few per path on a small canvas, more on a large one. */
export function packetBudget(size: Pick<Layout, 'width' | 'height'>, paths: number): number {
	// a tall (phone) canvas is read by its width, a wide one by its height as much as by its width
	const side = Math.min(size.width, size.height * 1.6);
	const share = Math.min(1, Math.max(0, (side - SMALL_SIDE) / (FULL_SIDE - SMALL_SIDE)));
	const perPath = Math.round(FEWEST_PER_PATH + (MOST_PER_PATH - FEWEST_PER_PATH) * share);
	return Math.max(1, paths) * perPath;
}

/**
 * Packets in flight if every connection were drawn: connections per animation second (the client rate times the
 * speed) times the animation seconds a trip lasts. It follows the rate, not the packets of the moment, so the sample
 * stays the same from frame to frame and a drawn connection never vanishes halfway.
 */
export function expectedInFlight(scene: Pick<Scene, 'connectionsPerSecond' | 'speed' | 'reducedMotion'>): number {
	const speed = Math.max(0, scene.speed);
	const tripSeconds = (LEGS_PER_TRIP * hopMs(speed, scene.reducedMotion)) / 1000;
	return Math.max(0, scene.connectionsPerSecond) * speed * tripSeconds;
}

/** The smallest power of two k such that one connection in k keeps the packets within the budget. */
export function sampleEvery(expected: number, budget: number): number {
	let every = 1;
	while (expected / every > Math.max(1, budget) && every < 1 << 20) {
		every *= 2;
	}
	return every;
}

export function densityOf(scene: Scene, layout: Pick<Layout, 'width' | 'height'>): Density {
	const budget = packetBudget(layout, pathCount(scene));
	const expected = expectedInFlight(scene);
	return { every: sampleEvery(expected, budget), budget, expected };
}

/** Whether the packet is drawn: the sampled connections, and always the ones that teach or are looked at. */
export function isDrawn(flight: PacketFlight, density: Pick<Density, 'every'>, watched: Watched,
	scene?: Pick<Scene, 'connections'>): boolean {
	if (density.every <= 1 || flight.benchmark === true || flight.outcome !== 'routed') {
		return true;
	}
	if (flight.id === watched.selected || flight.id === watched.hover) {
		return true;
	}
	if (scene?.connections.get(flight.id)?.reset !== undefined) {
		return true;
	}
	return flight.id % density.every === 0;
}

/** What the canvas says about the sample, or null when every connection is drawn. */
export function densityNote(density: Pick<Density, 'every'>): string | null {
	return density.every <= 1 ? null : `1 in ${density.every} connections drawn`;
}
