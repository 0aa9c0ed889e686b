// The scene's reducer: (scene, event) → scene, and (scene, batch) → scene, pure. Events are applied idempotently
// (a snapshot may already show what the next batch tells): a pod that is gone stays gone, a node is added once.
// Each event family has its own reducers in reducers/; this file dispatches to them and keeps the event list.
import type { EventBatch, EventType, SimulationEvent } from '../protocol/events';
import { PROBE_LEG_MS, stretchFor } from './packets';
import { RECENT_EVENTS, type Scene } from './scene';
import { balancerReducers } from './reducers/balancer';
import { connectionReducers } from './reducers/connections';
import { draftOf, finish, type Draft, type Reducers } from './reducers/draft';
import { nodeReducers } from './reducers/nodes';
import { podReducers } from './reducers/pods';
import { serviceReducers } from './reducers/service';

export { applyStatistics } from './reducers/statistics';

/** One reducer per event type: the compiler checks that every type has one. */
const REDUCERS: Reducers<EventType> = {
	...connectionReducers,
	...balancerReducers,
	...nodeReducers,
	...podReducers,
	...serviceReducers,
};

export function applyEvent(scene: Scene, event: SimulationEvent): Scene {
	const draft = draftOf(scene);
	const listed: SimulationEvent[] = [];
	apply(draft, event, listed);
	listEvents(draft, listed);
	return finish(draft);
}

/** Applies a batch in order; the scene's simulated time moves to the batch's. */
export function applyBatch(scene: Scene, batch: EventBatch): Scene {
	const draft = draftOf(scene);
	const listed: SimulationEvent[] = [];
	for (const event of batch.events) {
		apply(draft, event, listed);
	}
	listEvents(draft, listed);
	draft.seq = batch.seq;
	draft.now = Math.max(draft.now, batch.simTime);
	if (draft.paused && batch.events.length > 0 && batch.simTime > (draft.pausedAt ?? -Infinity)) {
		// A step: let the animation run long enough for its packets to make their trips
		draft.clock.runUntil = Math.max(draft.clock.runUntil, draft.clock.anim + stepPlayMs(draft, batch));
	}
	return finish(draft);
}

function apply(draft: Draft, event: SimulationEvent, listed: SimulationEvent[]): void {
	listed.push(event);
	// The table is indexed by the event's own type, so the reducer takes exactly this event
	const reduce = REDUCERS[event.type] as (draft: Draft, event: SimulationEvent) => void;
	reduce(draft, event);
}

function stepPlayMs(scene: Scene, batch: EventBatch): number {
	const stretch = stretchFor(scene.hopLatencyMicros, scene.speed, scene.reducedMotion);
	let longest = 2 * PROBE_LEG_MS;
	for (const event of batch.events) {
		if ('hops' in event && event.hops.length > 1) {
			longest = Math.max(longest, (event.hops[event.hops.length - 1].time - event.hops[0].time) * stretch);
		}
	}
	return longest + 600;
}

function listEvents(draft: Draft, listed: SimulationEvent[]): void {
	const fresh = listed.slice(-RECENT_EVENTS).reverse().map((event, index) => ({
		key: draft.nextKey + listed.length - 1 - index,
		event,
	}));
	draft.nextKey += listed.length;
	draft.recent = [...fresh, ...draft.recent].slice(0, RECENT_EVENTS);
}
