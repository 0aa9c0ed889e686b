import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../src/scene/applyEvent';
import { sceneFromSnapshot, type PacketFlight } from '../../src/scene/scene';
import { advance, isAnimating, MAX_LAG_MS, TRAIL_MS } from '../../src/scene/timeline';
import { batch, routedViaN3, snapshot } from './fixtures';

function run(scene: ReturnType<typeof sceneFromSnapshot>, ms: number, step = 10) {
	let next = scene;
	for (let t = 0; t < ms; t += step) {
		next = advance(next, step);
	}
	return next;
}

describe('advance', () => {
	it('moves the display clock at the sandbox speed, never past the stream', () => {
		const scene = applyBatch(sceneFromSnapshot(snapshot()), batch(11, 1_050_000, []));
		const later = advance(scene, 16);
		expect(later.clock.anim).toBe(16);
		expect(later.clock.display).toBe(1_016_000);
		expect(run(scene, 500).clock.display).toBe(1_050_000);
	});

	it('jumps when it falls too far behind', () => {
		const scene = applyBatch(sceneFromSnapshot(snapshot()), batch(11, 1_000_000 + (MAX_LAG_MS + TRAIL_MS + 100) * 1000, []));
		expect(advance(scene, 16).clock.display).toBe(scene.now - TRAIL_MS * 1000);
	});

	it('starts a packet when the display clock reaches it, keeping the spacing between packets', () => {
		const scene = applyBatch(sceneFromSnapshot(snapshot()), batch(11, 1_050_000, [
			routedViaN3(1, 1_010_000), routedViaN3(2, 1_020_000),
		]));
		const next = run(scene, 30);
		const [first, second] = next.flights as PacketFlight[];
		expect(first.start).not.toBeNull();
		expect(second.start).not.toBeNull();
		expect((second.start ?? 0) - (first.start ?? 0)).toBeCloseTo(10);
	});

	it('retires packets that have arrived', () => {
		const scene = applyBatch(sceneFromSnapshot(snapshot()), batch(11, 1_050_000, [routedViaN3(1, 1_000_000)]));
		expect(run(scene, 20).flights).toHaveLength(1);
		expect(run(scene, 4000).flights).toHaveLength(0);
	});

	it('freezes while paused, and plays a step through', () => {
		const paused = applyBatch(sceneFromSnapshot(snapshot({ paused: true })), batch(11, 1_000_000, []));
		expect(advance(paused, 16).clock.anim).toBe(0);
		const stepped = applyBatch(paused, batch(12, 1_000_100, [routedViaN3(1, 1_000_100)]));
		const playing = run(stepped, 100);
		expect(playing.clock.anim).toBeGreaterThan(0);
		expect((playing.flights[0] as PacketFlight).start).toBe(10);
		expect(isAnimating(playing)).toBe(true);
		const over = run(stepped, 6000);
		expect(over.clock.anim).toBeLessThan(6000);
		expect(isAnimating(over)).toBe(false);
	});
});
