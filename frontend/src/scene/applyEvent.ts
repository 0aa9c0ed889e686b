// The scene's reducer: (scene, event) → scene, and (scene, batch) → scene, pure. Events are applied idempotently
// (a snapshot may already show what the next batch tells): a pod that is gone stays gone, a node is added once.
import type {
	EventBatch,
	Hop,
	SimulationEvent,
	StatisticsMessage,
} from '../protocol/events';
import { MAX_FLIGHTS, PROBE_LEG_MS, stretchFor } from './packets';
import {
	KEPT_CONNECTIONS,
	RECENT_EVENTS,
	type ConnectionEvent,
	type ConnectionContext,
	type Scene,
	type SceneNode,
} from './scene';
import { readService, updateService } from './service';

/**
 * A scene being changed by one batch. Nodes and pods are copied only when an event changes one (copy on write), so
 * a batch of connections leaves them, and the renderer's cached picture of them, as they were.
 */
interface Draft extends Scene {
	owned: Set<unknown>;
}

function draftOf(scene: Scene): Draft {
	return {
		...scene,
		flights: [...scene.flights],
		recent: [...scene.recent],
		connections: new Map(scene.connections),
		clock: { ...scene.clock },
		owned: new Set(),
	};
}

function finish(draft: Draft): Scene {
	const { owned, ...scene } = draft;
	owned.clear();
	return scene;
}

function nodesOf(draft: Draft): SceneNode[] {
	if (!draft.owned.has(draft.nodes)) {
		draft.nodes = draft.nodes.map((node) => ({ ...node }));
		draft.owned.add(draft.nodes);
	}
	return draft.nodes;
}

function podsOf(draft: Draft): Scene['pods'] {
	if (!draft.owned.has(draft.pods)) {
		draft.pods = draft.pods.map((pod) => ({ ...pod }));
		draft.owned.add(draft.pods);
	}
	return draft.pods;
}

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
	if (draft.paused && batch.events.length > 0) {
		// A step: let the animation run long enough for its packets to make their trips
		draft.clock.runUntil = Math.max(draft.clock.runUntil, draft.clock.anim + stepPlayMs(draft, batch));
	}
	return finish(draft);
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

/** The newest statistics for this generation; they also carry the live health answers, the Service and the clock. */
export function applyStatistics(scene: Scene, message: StatisticsMessage): Scene {
	if (message.generation !== scene.generation) {
		return scene;
	}
	const stats = message.statistics;
	const service = stats.exact.service === undefined ? scene.service : readService(stats.exact.service);
	const health = new Map(stats.healthChecks.map((row) => [row.node, row]));
	const exactNodes = new Map(exactNodeSets(stats.exact).map((row) => [row.name, row]));
	const nodes = scene.nodes.map((node) => {
		const row = health.get(node.name);
		const sets = exactNodes.get(node.name);
		if (row === undefined && sets === undefined) {
			return node;
		}
		// The AWS NLB probes healthCheckNodePort's /healthz under Local (its answer is in the statistics) and opens a
		// TCP connection to the NodePort under Cluster (its outcome comes with the probe events and snapshots)
		const http = row?.healthCheck != null && service.healthCheckNodePort > 0 ? row.healthCheck : null;
		const nodePort = service.ports[0]?.nodePort ?? null;
		const target = http !== null ? `${node.internalIp}:${service.healthCheckNodePort}/healthz`
			: row !== undefined && nodePort !== null ? `${node.internalIp}:${nodePort}` : node.probeTarget;
		return {
			...node,
			probeTarget: node.gone ? node.probeTarget : target,
			probeStatus: node.gone ? 0 : http?.status ?? (row === undefined ? node.probeStatus : 0),
			probeAnswer: node.gone || http === null ? node.probeAnswer : `HTTP ${http.status}`,
			clusterEndpoints: node.clusterEndpoints === undefined ? sets?.clusterEndpoints : node.clusterEndpoints,
			localEndpoints: node.localEndpoints === undefined ? sets?.localEndpoints : node.localEndpoints,
		};
	});
	// The clock's pause and speed come with the statistics too: a view that sent no command (a room's) learns them here
	return { ...scene, statistics: stats, nodes, service, paused: message.paused ?? scene.paused, speed: message.speed ?? scene.speed };
}

interface ExactNodeSets {
	name: string;
	clusterEndpoints: string[] | null;
	localEndpoints: string[] | null;
}

function exactNodeSets(exact: Record<string, unknown>): ExactNodeSets[] {
	const nodes = exact.nodes;
	if (!Array.isArray(nodes)) {
		return [];
	}
	return nodes.flatMap((value: unknown) => {
		if (typeof value !== 'object' || value === null) {
			return [];
		}
		const row = value as Record<string, unknown>;
		return typeof row.name === 'string'
			? [{ name: row.name, clusterEndpoints: ipList(row.clusterEndpoints), localEndpoints: ipList(row.localEndpoints) }]
			: [];
	});
}

function ipList(value: unknown): string[] | null {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;
}

function listEvents(draft: Draft, listed: SimulationEvent[]): void {
	const fresh = listed.slice(-RECENT_EVENTS).reverse().map((event, index) => ({
		key: draft.nextKey + listed.length - 1 - index,
		event,
	}));
	draft.nextKey += listed.length;
	draft.recent = [...fresh, ...draft.recent].slice(0, RECENT_EVENTS);
}

function apply(draft: Draft, event: SimulationEvent, listed: SimulationEvent[]): void {
	listed.push(event);
	switch (event.type) {
		case 'ConnectionRouted':
			addConnection(draft, event, 'routed', null);
			return;
		case 'ConnectionDropped':
			addConnection(draft, event, 'dropped', event.reason);
			return;
		case 'ConnectionRejected':
			addConnection(draft, event, 'rejected', event.reason);
			return;
		case 'ConnectionReset':
			draft.flights.push({
				kind: 'reset', id: event.connection, pod: event.pod, node: event.node, reason: event.reason,
				simStart: event.time, start: null,
			});
			return;
		case 'ProbeAnswered':
			withNode(draft, event.node, (node) => {
				node.probeTarget = event.target;
				node.probeStatus = event.status;
				node.probeAnswer = event.answer;
				node.verdict = event.verdict;
				node.consecutive = event.consecutive;
			});
			if (draft.flights.length < MAX_FLIGHTS) {
				draft.flights.push({
					kind: 'probe', id: event.time, node: event.node, simStart: event.time, status: event.status,
					answer: event.answer, passed: event.passed, verdict: event.verdict, consecutive: event.consecutive, start: null,
				});
			}
			return;
		case 'LoadBalancerTargetChanged':
			withNode(draft, event.node, (node) => {
				node.verdict = event.to;
			});
			draft.nodes = draft.nodes.filter((node) => !(node.removed === true && node.verdict === null));
			return;
		case 'ProxyRulesSynced':
			withNode(draft, event.node, (node) => {
				node.clusterEndpoints = event.clusterEndpoints;
				node.localEndpoints = event.localEndpoints;
			});
			return;
		case 'PodScheduled': {
			const pod = podsOf(draft).find((p) => p.name === event.pod);
			const status = event.node === null ? 'pending' : 'starting';
			if (pod === undefined) {
				draft.pods.push({
					name: event.pod, node: event.node, ip: event.podIp, status, workload: event.workload,
					backsService: true, since: event.time,
				});
			}
			else if (pod.status === 'pending') {
				Object.assign(pod, { node: event.node, ip: event.podIp, status, since: event.time });
			}
			return;
		}
		case 'PodBecameReady':
			withPod(draft, event.pod, (pod) => {
				Object.assign(pod, { status: 'ready', node: event.node, since: event.time });
			});
			return;
		case 'PodTerminating':
			withPod(draft, event.pod, (pod) => {
				Object.assign(pod, { status: 'terminating', since: event.time });
			});
			return;
		case 'PodDeleted':
			draft.pods = draft.pods.filter((pod) => pod.name !== event.pod);
			return;
		case 'NodeAdded':
			if (!draft.nodes.some((node) => node.name === event.node)) {
				nodesOf(draft).push({
					name: event.node, internalIp: event.internalIp, zone: event.zone, cordoned: false, gone: false,
					probeTarget: '', probeStatus: 0, probeAnswer: '', verdict: null, consecutive: 0, clusterEndpoints: undefined,
					localEndpoints: undefined,
				});
			}
			return;
		case 'NodeRemoved':
			withNode(draft, event.node, (node) => {
				node.gone = true;
				node.removed = true;
				node.probeStatus = 0;
				node.probeAnswer = 'timed out';
			});
			draft.nodes = draft.nodes.filter((node) => !(node.removed === true && node.verdict === null));
			return;
		case 'NodeDied':
			withNode(draft, event.node, (node) => {
				node.gone = true;
				node.probeStatus = 0;
			});
			return;
		case 'NodeNotReady':
			for (const name of event.pods) {
				withPod(draft, name, (pod) => {
					Object.assign(pod, { status: 'not-ready', since: event.time });
				});
			}
			return;
		case 'PodEvicted':
			withPod(draft, event.pod, (pod) => {
				Object.assign(pod, { status: 'terminating', since: event.time });
			});
			return;
		case 'NodeCordoned':
			withNode(draft, event.node, (node) => {
				node.cordoned = event.cordoned;
			});
			return;
		case 'ServiceUpdated':
			draft.service = updateService(draft.service, event.field, event.to, event.healthCheckNodePort);
			return;
		case 'ReplicasScaled':
			draft.replicas = event.to;
			return;
		case 'LoadBalancerModelChanged':
			draft.loadBalancer = event.model;
			return;
		case 'ClientRateChanged':
			draft.connectionsPerSecond = event.connectionsPerSecond;
			return;
	}
}

function withNode(draft: Draft, name: string, change: (node: SceneNode) => void): void {
	if (!draft.nodes.some((n) => n.name === name)) {
		return;
	}
	const node = nodesOf(draft).find((n) => n.name === name);
	if (node !== undefined) {
		change(node);
	}
}

function withPod(draft: Draft, name: string, change: (pod: Draft['pods'][number]) => void): void {
	if (!draft.pods.some((p) => p.name === name)) {
		return;
	}
	const pod = podsOf(draft).find((p) => p.name === name);
	if (pod !== undefined) {
		change(pod);
	}
}

function contextOf(draft: Draft): ConnectionContext {
	return {
		policy: draft.service.externalTrafficPolicy,
		loadBalancer: draft.loadBalancer,
		targets: draft.nodes.map((node) => ({
			node: node.name, verdict: node.verdict, probeStatus: node.probeStatus, probeAnswer: node.probeAnswer,
			probeTarget: node.probeTarget,
		})),
	};
}

function addConnection(draft: Draft, event: ConnectionEvent, outcome: 'routed' | 'dropped' | 'rejected',
	reason: string | null): void {
	draft.connections.set(event.connection, { event, context: contextOf(draft) });
	if (draft.connections.size > KEPT_CONNECTIONS) {
		const oldest = draft.connections.keys().next();
		if (oldest.done !== true) {
			draft.connections.delete(oldest.value);
		}
	}
	if (draft.flights.length >= MAX_FLIGHTS || event.hops.length === 0) {
		draft.unanimated++;
		return;
	}
	draft.flights.push({
		kind: 'packet', id: event.connection, outcome, simStart: event.time, clientIp: event.clientIp,
		hops: event.hops as Hop[], reason, start: null,
		stretch: stretchFor(draft.hopLatencyMicros, draft.speed, draft.reducedMotion),
	});
}
