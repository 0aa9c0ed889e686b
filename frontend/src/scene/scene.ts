// The client-side picture of one sandbox: what the canvas, the panels and the inspector read. Built from a snapshot,
// then changed only by the pure functions in applyEvent.ts (events, statistics) and timeline.ts (the clocks).
import type {
	ConnectionDropped,
	ConnectionRejected,
	ConnectionRouted,
	Dataplane,
	LoadBalancerAnalysis,
	LoadBalancerKind,
	LoadBalancerModel,
	NetworkModel,
	NodeState,
	PodState,
	ProbeAnswer,
	SandboxSnapshot,
	SimulationEvent,
	SimulationStatistics,
	TargetState,
	TrafficPolicy,
} from '../protocol/events';
import { NO_SERVICE, readService, type ServiceView } from './service';

/**
 * A node's probe answer right after the Service's policy changed the probe (Local's HTTP /healthz to Cluster's TCP
 * connect): the last answer belongs to a probe the LB no longer sends, and the new one has not run yet. Only the
 * browser uses it; the stream sends a probe's answer with its event.
 */
export const AWAITING_PROBE = 'awaiting the next probe';

/** A node's probe answer as the scene keeps it: the server's, {@link AWAITING_PROBE}, or null when nothing probes it. */
export type SceneProbeAnswer = ProbeAnswer | typeof AWAITING_PROBE | null;

/** A node as the snapshot has it (less the counters the scene does not follow), plus what kube-proxy programmed. */
export interface SceneNode extends Omit<NodeState, 'conntrackEntries' | 'programmedAt' | 'probeAnswer'> {
	probeAnswer: SceneProbeAnswer;
	/** Its Node object was deleted (a dead node stays until then, shown as gone). */
	removed?: boolean;
	/** The endpoint sets kube-proxy last programmed here; undefined until a sync or statistics tell. */
	clusterEndpoints: string[] | null | undefined;
	localEndpoints: string[] | null | undefined;
}

/** A pod as the snapshot has it; events and statistics change it from there. */
export type ScenePod = PodState;

export type ConnectionEvent = ConnectionRouted | ConnectionDropped | ConnectionRejected;

/** What the LB and the entry node looked like when a connection arrived: the inspector's "why". */
export interface ConnectionContext {
	policy: TrafficPolicy | null;
	/** The load balancer's name and the server's analysis of it (null before the first statistics). */
	loadBalancerName: string;
	balancer: LoadBalancerAnalysis | null;
	targets: {
		node: string; verdict: TargetState | null; probeStatus: number; probeAnswer: SceneProbeAnswer; probeTarget: string;
	}[];
}

export interface ConnectionRecord {
	event: ConnectionEvent;
	context: ConnectionContext;
	/** When and why the established connection was cut (a node died, a pod went, the LB's RST), if it was. */
	reset?: { time: number; reason: string };
}

/** A connection's packet on its way: request, reply, or the trip up to a drop or reject. */
export interface PacketFlight {
	kind: 'packet';
	id: number;
	outcome: 'routed' | 'dropped' | 'rejected';
	simStart: number;
	clientIp: string;
	hops: ConnectionEvent['hops'];
	reason: string | null;
	/** Animation time (ms) the trip starts, once the display clock reaches simStart. */
	start: number | null;
	/** Animation ms per simulated µs of the trip (trips are slowed down to be visible). */
	stretch: number;
	/** A benchmark packet of the debug hook: always drawn, never sampled out (scene/density.ts). */
	benchmark?: true;
}

/** The LB's health-check probe of a node and its answer. */
export interface ProbeFlight {
	kind: 'probe';
	id: number;
	node: string;
	/** With NLB ip targets the probed pod (the tag goes to it); null when the target is the node. */
	pod: string | null;
	simStart: number;
	status: number;
	answer: ProbeAnswer;
	passed: boolean;
	verdict: TargetState;
	consecutive: number;
	/** How many in a row set the verdict (the server's figure for this load balancer). */
	threshold: number;
	start: number | null;
}

/** An established connection cut where its pod was. */
export interface ResetMark {
	kind: 'reset';
	id: number;
	pod: string;
	node: string;
	reason: string;
	simStart: number;
	start: number | null;
}

export type Flight = PacketFlight | ProbeFlight | ResetMark;

export interface Clock {
	/** Animation time, wall-clock milliseconds that run while the view plays. */
	anim: number;
	/** Display time on the simulated clock (µs): follows the stream's simTime, smoothly, a little behind. */
	display: number;
	/** While paused, animation runs until this time so that a step plays out. */
	runUntil: number;
}

export interface ListedEvent {
	key: number;
	event: SimulationEvent;
}

export interface Scene {
	sandboxId: string;
	generation: number;
	seq: number;
	paused: boolean;
	/**
	 * The simulated time (µs) at which the clock stopped, when known: a batch up to it was ticked before the pause
	 * (it may arrive after the pause's answer) and does not play; a later one is a step.
	 */
	pausedAt: number | null;
	speed: number;
	preset: string | null;
	seed: number | null;
	/** The simulated time of the last batch (µs). */
	now: number;
	nodes: SceneNode[];
	pods: ScenePod[];
	service: ServiceView;
	/** The Service as YAML, as the server wrote it. */
	serviceYaml: string;
	clientIps: string[];
	loadBalancer: LoadBalancerModel;
	/** The AWS NLB's DNS name, or null (a Service without a load balancer). */
	loadBalancerHostname: string | null;
	/** The load balancer of the catalogue in front of the cluster, and its name as the server spells it. */
	loadBalancerKind: LoadBalancerKind;
	loadBalancerName: string;
	/** MetalLB L2: the node that answers ARP for the LB IP now (null for another LB or when none does). */
	announcingNode: string | null;
	/** MetalLB BGP: the nodes the router has a route through now, as the server says (empty for another LB). */
	advertisingNodes: string[];
	/** Whether the even/weighted knob tunes how the load balancer spreads, as the server says. */
	spreadKnob: boolean;
	dataplane: Dataplane;
	/** The pod network, which decides the address kube-proxy's SNAT gives (the Source address table follows it). */
	network: NetworkModel;
	connectionsPerSecond: number;
	replicas: number | null;
	hopLatencyMicros: number;
	flights: Flight[];
	/** Connections not animated because too many were in flight. */
	unanimated: number;
	/** The newest events first, for the event list. */
	recent: ListedEvent[];
	nextKey: number;
	/** Connections the inspector can open, by number (the newest few hundred). */
	connections: Map<number, ConnectionRecord>;
	statistics: SimulationStatistics | null;
	clock: Clock;
	/** prefers-reduced-motion: packets jump from hop to hop, slower. */
	reducedMotion: boolean;
}

export const RECENT_EVENTS = 60;
export const KEPT_CONNECTIONS = 300;

/** The scene a snapshot describes; the animation clock carries over so running packets do not jump. */
export function sceneFromSnapshot(snapshot: SandboxSnapshot, anim = 0, reducedMotion = false): Scene {
	const sim = snapshot.simulation;
	const settings = sim.settings;
	return {
		sandboxId: snapshot.id,
		generation: snapshot.generation,
		seq: snapshot.seq,
		paused: snapshot.paused,
		pausedAt: snapshot.paused ? sim.now : null,
		speed: snapshot.speed,
		preset: snapshot.preset,
		seed: settings.seed,
		now: sim.now,
		nodes: sim.nodes.map((node) => ({ ...node, clusterEndpoints: undefined, localEndpoints: undefined })),
		pods: sim.pods.map((pod) => ({ ...pod })),
		service: sim.service === undefined ? NO_SERVICE : readService(sim.service),
		serviceYaml: snapshot.serviceYaml,
		clientIps: [...sim.clientIps],
		loadBalancer: sim.loadBalancer,
		loadBalancerHostname: sim.loadBalancerHostname ?? null,
		loadBalancerKind: sim.loadBalancerKind,
		loadBalancerName: sim.loadBalancerName,
		announcingNode: sim.announcingNode,
		advertisingNodes: [...sim.advertisingNodes],
		spreadKnob: sim.spreadKnob,
		dataplane: sim.dataplane,
		network: sim.network,
		connectionsPerSecond: sim.connectionsPerSecond,
		replicas: null,
		hopLatencyMicros: settings.hopLatencyMicros,
		flights: [],
		unanimated: 0,
		recent: [],
		nextKey: 1,
		connections: new Map(),
		statistics: null,
		clock: { anim, display: sim.now, runUntil: anim },
		reducedMotion,
	};
}

export function findNode(scene: Scene, name: string): SceneNode | undefined {
	return scene.nodes.find((node) => node.name === name);
}

export function findPod(scene: Scene, name: string): ScenePod | undefined {
	return scene.pods.find((pod) => pod.name === name);
}

/** Nodes that are still part of the cluster (not killed or removed), in order. */
export function liveNodes(scene: Scene): SceneNode[] {
	return scene.nodes.filter((node) => !node.gone);
}

/** Pods the workload counts: not terminating. */
export function currentReplicas(scene: Scene): number {
	if (scene.replicas !== null) {
		return scene.replicas;
	}
	return scene.pods.filter((pod) => pod.backsService && pod.status !== 'terminating').length;
}
