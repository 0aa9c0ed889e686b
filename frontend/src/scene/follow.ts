// "Follow one connection": the learner picks a client (or any client) and the next connection from it is traced
// slowly, hop by hop, on a clock of its own, then the picture returns to live. Pure: a state and the scene in, the
// next state out. The hops are the server's, as the connection's event carried them.
import type { Hop } from '../protocol/events';
import type { ConnectionEvent, Scene } from './scene';

/** How long the followed packet stays on each hop (its own slow clock, in wall ms). */
export const FOLLOW_HOP_MS = 1800;
/** Of that, how long it takes to travel from the previous hop (none under reduced motion). */
export const FOLLOW_TRAVEL_MS = 450;

export type FollowState =
	| {
		phase: 'waiting';
		/** The client whose next connection is wanted; null for any client. */
		client: string | null;
		/** Connections up to this number were known when the learner asked: the next one is newer. */
		after: number;
		generation: number;
	}
	| {
		phase: 'following';
		client: string;
		connection: number;
		outcome: 'routed' | 'dropped' | 'rejected';
		hops: readonly Hop[];
		/** The hop shown now, and how long it has been shown (ms). */
		hop: number;
		elapsed: number;
		generation: number;
	};

/** Waits for the next connection from {@code client} (null: from any client). */
export function startFollowing(scene: Scene, client: string | null): FollowState {
	let after = 0;
	for (const connection of scene.connections.keys()) {
		after = Math.max(after, connection);
	}
	return { phase: 'waiting', client, after, generation: scene.generation };
}

/**
 * The client a press of F asks for: any client at first; pressed again (waiting or following), the next client in
 * the scene's order, wrapping around.
 */
export function nextFollowClient(scene: Scene, state: FollowState | null): string | null {
	const clients = scene.clientIps;
	if (state === null || clients.length === 0) {
		return null;
	}
	if (state.client === null) {
		return clients[0];
	}
	const index = clients.indexOf(state.client);
	return clients[(index + 1) % clients.length];
}

function outcomeOf(event: ConnectionEvent): 'routed' | 'dropped' | 'rejected' {
	switch (event.type) {
		case 'ConnectionRouted':
			return 'routed';
		case 'ConnectionDropped':
			return 'dropped';
		case 'ConnectionRejected':
			return 'rejected';
	}
}

/** The oldest connection newer than the request from the wanted client that the display clock has reached. */
function nextConnection(scene: Scene, client: string | null, after: number): ConnectionEvent | null {
	let found: ConnectionEvent | null = null;
	for (const [id, record] of scene.connections) {
		const event = record.event;
		if (id > after && (client === null || event.clientIp === client) && event.time <= scene.clock.display
			&& event.hops.length > 0 && (found === null || id < found.connection)) {
			found = event;
		}
	}
	return found;
}

/** The state {@code dtMs} of wall time later; null once the last hop has been shown (back to live). */
export function advanceFollow(state: FollowState | null, scene: Scene, dtMs: number): FollowState | null {
	if (state === null) {
		return null;
	}
	if (state.generation !== scene.generation) {
		// A reset or a new preset numbers connections afresh: wait for the new simulation's next one
		return state.phase === 'waiting' ? { ...state, after: 0, generation: scene.generation } : null;
	}
	if (state.phase === 'waiting') {
		const event = nextConnection(scene, state.client, state.after);
		if (event === null) {
			return state;
		}
		return {
			phase: 'following', client: event.clientIp, connection: event.connection, outcome: outcomeOf(event),
			hops: event.hops, hop: 0, elapsed: 0, generation: state.generation,
		};
	}
	let { hop, elapsed } = state;
	elapsed += dtMs;
	while (elapsed >= FOLLOW_HOP_MS) {
		elapsed -= FOLLOW_HOP_MS;
		hop++;
	}
	if (hop >= state.hops.length) {
		return null;
	}
	return { ...state, hop, elapsed };
}

/** Where the followed packet is: travelling from hop {@code from} to hop {@code to} at fraction t (1: arrived). */
export interface FollowPosition {
	from: number;
	to: number;
	t: number;
}

export function followPosition(state: FollowState, reducedMotion: boolean): FollowPosition | null {
	if (state.phase !== 'following') {
		return null;
	}
	const from = Math.max(0, state.hop - 1);
	const t = reducedMotion || state.hop === 0 ? 1 : Math.min(1, state.elapsed / FOLLOW_TRAVEL_MS);
	return { from, to: state.hop, t };
}

/** What the debug hook tells tests: the client, the connection, the hop shown and how many there are. */
export function followSummary(state: FollowState | null):
	{ client: string | null; connection: number | null; hop: number; hops: number; phase: FollowState['phase'] } | null {
	if (state === null) {
		return null;
	}
	return state.phase === 'waiting'
		? { client: state.client, connection: null, hop: -1, hops: 0, phase: 'waiting' }
		: { client: state.client, connection: state.connection, hop: state.hop, hops: state.hops.length, phase: 'following' };
}
