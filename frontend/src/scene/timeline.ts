// The scene's two clocks, advanced by the frame loop's fixed steps (pure). The display clock follows the simulated
// time the stream reports, a little behind so that packets start smoothly between batches; the animation clock runs
// the packets' trips. Paused, both stand still, except while a step plays out.
import { flightEnd } from './packets';
import type { Flight, Scene } from './scene';

/** The display clock trails the stream by this much wall time, so a batch's events are still ahead of it. */
export const TRAIL_MS = 80;
/** Further behind than this (a slow tab, a burst), the display clock jumps instead of racing. */
export const MAX_LAG_MS = 400;

export function advance(scene: Scene, dtMs: number): Scene {
	const clock = scene.clock;
	const running = !scene.paused || clock.anim < clock.runUntil;
	if (!running && scene.flights.every((flight) => flight.start !== null)) {
		return scene;
	}
	const anim = running ? clock.anim + dtMs : clock.anim;
	const display = nextDisplay(scene, dtMs);
	const flights = startAndRetire(scene.flights, scene, anim, display);
	return { ...scene, clock: { ...clock, anim, display }, flights };
}

function nextDisplay(scene: Scene, dtMs: number): number {
	const { display } = scene.clock;
	if (scene.paused) {
		return scene.now;
	}
	const perMs = scene.speed * 1000;
	const target = scene.now - TRAIL_MS * perMs;
	if (target - display > MAX_LAG_MS * perMs) {
		return target;
	}
	return Math.max(display, Math.min(display + dtMs * perMs, scene.now));
}

function startAndRetire(flights: Flight[], scene: Scene, anim: number, display: number): Flight[] {
	let changed = false;
	const next: Flight[] = [];
	const perMs = scene.speed * 1000;
	let stagger = 0;
	for (const flight of flights) {
		if (flight.start === null) {
			if (flight.simStart <= display) {
				changed = true;
				// Paused (a step): start the stepped events one after the other; running: keep their spacing
				const start = scene.paused ? anim + 150 * stagger++ : anim - (display - flight.simStart) / perMs;
				next.push({ ...flight, start });
			}
			else {
				next.push(flight);
			}
		}
		else if (flightEnd(flight) < anim) {
			changed = true;
		}
		else {
			next.push(flight);
		}
	}
	return changed ? next : flights;
}

/** Whether anything is moving or will move: the loop may skip drawing when nothing is. */
export function isAnimating(scene: Scene): boolean {
	return scene.flights.length > 0 && (!scene.paused || scene.clock.anim < scene.clock.runUntil);
}
