// A scene being changed by one batch, and the reducers' shared vocabulary. Nodes and pods are copied only when an
// event changes one (copy on write), so a batch of connections leaves them, and the renderer's cached picture of them,
// as they were.
import type { EventType, SimulationEvent } from '../../protocol/events';
import type { Scene, SceneNode, ScenePod } from '../scene';

export interface Draft extends Scene {
	owned: Set<unknown>;
}

/** Applies one event of type T to the draft. */
export type Reducer<T extends EventType> = (draft: Draft, event: Extract<SimulationEvent, { type: T }>) => void;

/** One reducer per event type of a family; the dispatch table is the union of the families'. */
export type Reducers<T extends EventType> = { [K in T]: Reducer<K> };

export function draftOf(scene: Scene): Draft {
	return {
		...scene,
		flights: [...scene.flights],
		recent: [...scene.recent],
		connections: new Map(scene.connections),
		clock: { ...scene.clock },
		owned: new Set(),
	};
}

export function finish(draft: Draft): Scene {
	const { owned, ...scene } = draft;
	owned.clear();
	return scene;
}

export function nodesOf(draft: Draft): SceneNode[] {
	if (!draft.owned.has(draft.nodes)) {
		draft.nodes = draft.nodes.map((node) => ({ ...node }));
		draft.owned.add(draft.nodes);
	}
	return draft.nodes;
}

export function podsOf(draft: Draft): ScenePod[] {
	if (!draft.owned.has(draft.pods)) {
		draft.pods = draft.pods.map((pod) => ({ ...pod }));
		draft.owned.add(draft.pods);
	}
	return draft.pods;
}

/** Changes the named node, if the scene has it (a copy, the first time in this batch). */
export function withNode(draft: Draft, name: string, change: (node: SceneNode) => void): void {
	withNamed(draft.nodes, () => nodesOf(draft), name, change);
}

/** Changes the named pod, if the scene has it (a copy, the first time in this batch). */
export function withPod(draft: Draft, name: string, change: (pod: ScenePod) => void): void {
	withNamed(draft.pods, () => podsOf(draft), name, change);
}

/** Looks the name up in the list as it is, so that a name the scene lacks copies nothing. */
function withNamed<T extends { name: string }>(list: readonly T[], owned: () => T[], name: string,
	change: (item: T) => void): void {
	if (!list.some((item) => item.name === name)) {
		return;
	}
	const item = owned().find((candidate) => candidate.name === name);
	if (item !== undefined) {
		change(item);
	}
}

/** A node whose Node object is gone leaves once the LB no longer lists it. */
export function dropRemovedNodes(draft: Draft): void {
	draft.nodes = draft.nodes.filter((node) => !(node.removed === true && node.verdict === null));
}
