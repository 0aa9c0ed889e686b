import { describe, expect, it } from 'vitest';
import { applyBatch } from '../../src/scene/applyEvent';
import {
	advanceFollow, FOLLOW_HOP_MS, FOLLOW_TRAVEL_MS, followPosition, followSummary, nextFollowClient, startFollowing,
	type FollowState,
} from '../../src/scene/follow';
import { sceneFromSnapshot, type Scene } from '../../src/scene/scene';
import { batch, CLIENT, droppedAtN3, routedViaN3, snapshot } from './fixtures';

const OTHER = '198.51.100.7';

function at(scene: Scene, display: number): Scene {
	return { ...scene, clock: { ...scene.clock, display } };
}

function fromOther(connection: number, time: number) {
	return { ...routedViaN3(connection, time), clientIp: OTHER };
}

describe('follow one connection', () => {
	const base = applyBatch(sceneFromSnapshot(snapshot()), batch(11, 1_100_000, [routedViaN3(1, 1_010_000)]));

	it('waits for a connection newer than the ones known when asked, from the client asked for', () => {
		const waiting = startFollowing(base, CLIENT);
		expect(waiting).toEqual({ phase: 'waiting', client: CLIENT, after: 1, generation: 0 });
		// Connection 1 is old; 2 is another client's; 3 has not been reached by the display clock yet
		const later = applyBatch(base, batch(12, 1_300_000, [fromOther(2, 1_150_000), routedViaN3(3, 1_250_000)]));
		expect(advanceFollow(waiting, at(later, 1_200_000), 16)).toBe(waiting);
		const following = advanceFollow(waiting, at(later, 1_250_000), 16);
		expect(followSummary(following)).toEqual({ client: CLIENT, connection: 3, hop: 0, hops: 10, phase: 'following' });
	});

	it('takes any client when none is asked for', () => {
		const later = applyBatch(base, batch(12, 1_300_000, [fromOther(2, 1_150_000), routedViaN3(3, 1_160_000)]));
		const following = advanceFollow(startFollowing(base, null), at(later, 1_300_000), 16);
		expect(followSummary(following)).toMatchObject({ client: OTHER, connection: 2 });
	});

	it('shows each hop for its time on its own clock, then returns to live', () => {
		const later = applyBatch(base, batch(12, 1_300_000, [droppedAtN3(2, 1_150_000)]));
		let state: FollowState | null = advanceFollow(startFollowing(base, CLIENT), at(later, 1_300_000), 16);
		expect(state).toMatchObject({ phase: 'following', outcome: 'dropped', hop: 0 });
		state = advanceFollow(state, later, FOLLOW_HOP_MS - 1);
		expect(state).toMatchObject({ hop: 0 });
		state = advanceFollow(state, later, 1);
		expect(state).toMatchObject({ hop: 1, elapsed: 0 });
		state = advanceFollow(state, later, FOLLOW_HOP_MS * 1.5);
		expect(state).toMatchObject({ hop: 2, elapsed: FOLLOW_HOP_MS / 2 });
		expect(advanceFollow(state, later, FOLLOW_HOP_MS)).toBeNull();
	});

	it('moves between two hops at first, then rests at the hop; under reduced motion it only steps', () => {
		const later = applyBatch(base, batch(12, 1_300_000, [routedViaN3(2, 1_150_000)]));
		const first = advanceFollow(startFollowing(base, CLIENT), at(later, 1_300_000), 16);
		expect(first === null ? null : followPosition(first, false)).toEqual({ from: 0, to: 0, t: 1 });
		const moving = advanceFollow(first, later, FOLLOW_HOP_MS + FOLLOW_TRAVEL_MS / 2);
		expect(moving === null ? null : followPosition(moving, false)).toEqual({ from: 0, to: 1, t: 0.5 });
		expect(moving === null ? null : followPosition(moving, true)).toEqual({ from: 0, to: 1, t: 1 });
	});

	it('cycles through the clients with repeated presses, from any client to the first', () => {
		expect(nextFollowClient(base, null)).toBeNull();
		const any = startFollowing(base, null);
		expect(nextFollowClient(base, any)).toBe(CLIENT);
		expect(nextFollowClient(base, startFollowing(base, CLIENT))).toBe(OTHER);
		expect(nextFollowClient(base, startFollowing(base, OTHER))).toBe(CLIENT);
	});

	it('waits afresh after a reset (connections are numbered anew) and drops a trace of the old simulation', () => {
		const waiting = startFollowing(base, CLIENT);
		const reset = { ...base, generation: 1 };
		expect(advanceFollow(waiting, reset, 16)).toEqual({ ...waiting, after: 0, generation: 1 });
		const later = applyBatch(base, batch(12, 1_300_000, [routedViaN3(2, 1_150_000)]));
		const following = advanceFollow(waiting, at(later, 1_300_000), 16);
		expect(advanceFollow(following, { ...later, generation: 1 }, 16)).toBeNull();
		expect(followSummary(null)).toBeNull();
	});
});
