// The stream's wire format, mirroring docs/events.md and the Java records it comes from
// (io.trafficlab.engine.simulation.SimulationEvent, io.trafficlab.sandbox.EventBatch, ...). Times are simulated
// microseconds since the simulation started; null means "none". Every enumerated value is a string-literal union
// spelled as its Java type spells it (io.trafficlab.engine.model.Spelled): Kubernetes' spelling where Kubernetes has
// one, a lower-case id elsewhere. EventSchemaTests checks each union against its Java enum, value for value.

/** io.trafficlab.engine.proxy.SourceAddress.SourceKind: whose address a pod sees (the client's, or a node's after SNAT). */
export type SourceKind = 'client' | 'pod-gateway' | 'internal-ip' | 'tunnel' | 'other';

/** io.trafficlab.engine.simulation.TargetState: the LB's verdict on a node, as AWS spells target health. */
export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining';

/** io.trafficlab.engine.simulation.ProbeAnswer: what the LB's probe got back; an HTTP answer's status is a number beside it. */
export type ProbeAnswer = 'http' | 'connected' | 'refused' | 'timed-out';

/** io.trafficlab.engine.simulation.Hop.Direction. */
export type Direction = 'request' | 'reply';

/** io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus. */
export type PodStatus = 'pending' | 'starting' | 'ready' | 'not-ready' | 'terminating';

/** io.trafficlab.engine.balancer.LoadBalancerModel. */
export type LoadBalancerModel = 'even' | 'weighted';

/**
 * io.trafficlab.engine.balancer.LoadBalancerKind: the load balancer of the catalogue (the API's loadBalancer;
 * the statistics' exact analysis names it; the sandbox's is chosen among them).
 */
export type LoadBalancerKind = 'generic' | 'aws-nlb-instance' | 'aws-nlb-ip' | 'aws-clb' | 'gke-passthrough'
  | 'azure' | 'metallb-l2' | 'metallb-bgp';

/** io.trafficlab.engine.balancer.Dataplane: what proxies Service traffic on the nodes. */
export type Dataplane = 'kube-proxy' | 'cilium-snat' | 'cilium-dsr';

/**
 * io.trafficlab.engine.net.NetworkModel: the pod network (the CNI), which decides the address kube-proxy's SNAT gives:
 * bridge (kubenet, flannel host-gw), overlay (flannel VXLAN), vpc (AWS VPC CNI, Calico without encapsulation).
 */
export type NetworkModel = 'bridge' | 'overlay' | 'vpc';

/** io.trafficlab.engine.balancer.ProbeProtocol: how a load balancer's probe talks to its target. */
export type ProbeProtocol = 'TCP' | 'HTTP';

/** io.trafficlab.engine.balancer.ProbeTarget: which port a load balancer's probe reaches. */
export type ProbeTarget = 'health-check-node-port' | 'node-port' | 'proxy-healthz' | 'pod-port';

/** io.trafficlab.engine.balancer.Spread: how a load balancer spreads new connections, cross-zone load balancing applied. */
export type Spread = 'even-over-targets' | 'weighted-by-header' | 'per-zone' | 'one-announcing-node' | 'ecmp-per-node';

/** io.trafficlab.engine.balancer.NoHealthy: what a load balancer does when no target passes its health check. */
export type NoHealthy = 'fail-open' | 'no-new-flows' | 'lb-closes' | 'not-announced';

/** io.trafficlab.engine.model.TrafficPolicy: externalTrafficPolicy and internalTrafficPolicy. */
export type TrafficPolicy = 'Cluster' | 'Local';

/** io.trafficlab.engine.model.ServiceType. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** io.trafficlab.engine.model.SessionAffinity. */
export type SessionAffinity = 'None' | 'ClientIP';

/** io.trafficlab.engine.model.TrafficDistribution. */
export type TrafficDistribution = 'PreferClose' | 'PreferSameZone' | 'PreferSameNode';

export interface Hop {
	time: number;
	direction: Direction;
	at: string;
	reason: string;
	srcBefore: string;
	dstBefore: string;
	srcAfter: string;
	dstAfter: string;
}

export interface ConnectionRouted {
	type: 'ConnectionRouted';
	time: number;
	connection: number;
	clientIp: string;
	entryNode: string;
	node: string;
	pod: string;
	podIp: string;
	sourceSeen: string;
	hops: Hop[];
	completesAt: number;
}

export interface ConnectionDropped {
	type: 'ConnectionDropped';
	time: number;
	connection: number;
	clientIp: string;
	node: string;
	reason: string;
	hops: Hop[];
}

export interface ConnectionRejected {
	type: 'ConnectionRejected';
	time: number;
	connection: number;
	clientIp: string;
	node: string;
	reason: string;
	hops: Hop[];
}

export interface ConnectionReset {
	type: 'ConnectionReset';
	time: number;
	connection: number;
	clientIp: string;
	pod: string;
	node: string;
	reason: string;
}

export interface ProbeAnswered {
	type: 'ProbeAnswered';
	time: number;
	/** The probed node, or the node the probed pod runs on. */
	node: string;
	/** With NLB ip targets the probed pod; null when the target is a node. */
	pod: string | null;
	target: string;
	/** The HTTP status; 0 for a TCP probe (Cluster) and when nothing answered. */
	status: number;
	body: string;
	answer: ProbeAnswer;
	passed: boolean;
	verdict: TargetState;
	consecutive: number;
	/** How many in a row set the verdict: the LB's healthy threshold after a pass, its unhealthy one after a failure. */
	threshold: number;
}

export interface LoadBalancerTargetChanged {
	type: 'LoadBalancerTargetChanged';
	time: number;
	/** The node, or the node the pod target runs on. */
	node: string;
	/** With NLB ip targets the pod; null when the target is a node. */
	pod: string | null;
	from: TargetState | null;
	to: TargetState | null;
	reason: string;
}

export interface ProxyRulesSynced {
	type: 'ProxyRulesSynced';
	time: number;
	node: string;
	clusterEndpoints: string[] | null;
	localEndpoints: string[] | null;
}

export interface PodScheduled {
	type: 'PodScheduled';
	time: number;
	pod: string;
	node: string | null;
	podIp: string | null;
	workload: string | null;
	reason: string;
}

export interface PodBecameReady {
	type: 'PodBecameReady';
	time: number;
	pod: string;
	node: string;
}

export interface PodTerminating {
	type: 'PodTerminating';
	time: number;
	pod: string;
	node: string;
	deletesAt: number;
	reason: string;
	/** When its app exits and its endpoint stops serving; -1 when it does not serve now. */
	stopsServingAt: number;
	/** Why it stops serving then ("web: preStop sleep 15 s ended, then the app exited on SIGTERM (...)"). */
	shutdown: string | null;
	/** Whether its endpoint serves now: it had been Ready and its app has not exited. */
	serving: boolean;
}

export interface PodStoppedServing {
	type: 'PodStoppedServing';
	time: number;
	pod: string;
	node: string;
	reason: string;
}

export interface PodDeleted {
	type: 'PodDeleted';
	time: number;
	pod: string;
	node: string | null;
	reason: string;
}

export interface NodeAdded {
	type: 'NodeAdded';
	time: number;
	node: string;
	internalIp: string;
	zone: string | null;
}

export interface NodeRemoved {
	type: 'NodeRemoved';
	time: number;
	node: string;
	killed: boolean;
	reason: string;
}

export interface NodeDied {
	type: 'NodeDied';
	time: number;
	node: string;
	reason: string;
}

export interface NodeNotReady {
	type: 'NodeNotReady';
	time: number;
	node: string;
	pods: string[];
	reason: string;
}

export interface PodEvicted {
	type: 'PodEvicted';
	time: number;
	pod: string;
	node: string;
	reason: string;
}

export interface NodeCordoned {
	type: 'NodeCordoned';
	time: number;
	node: string;
	cordoned: boolean;
}

export interface ServiceUpdated {
	type: 'ServiceUpdated';
	time: number;
	field: string;
	from: string;
	to: string;
	healthCheckNodePort: number;
	/** The whole Service afterwards as `kubectl get service -o yaml` shows it, written by the server. */
	serviceYaml: string | null;
}

export interface ReplicasScaled {
	type: 'ReplicasScaled';
	time: number;
	workload: string;
	from: number;
	to: number;
}

export interface LoadBalancerModelChanged {
	type: 'LoadBalancerModelChanged';
	time: number;
	model: LoadBalancerModel;
}

export interface LoadBalancerKindChanged {
	type: 'LoadBalancerKindChanged';
	time: number;
	kind: LoadBalancerKind;
	name: string;
	/** Whether the even/weighted knob tunes how it spreads (the NLB with instance targets only). */
	spreadKnob: boolean;
	/** Every node as a snapshot shows it once the new load balancer starts: its probe, verdict and count in a row. */
	nodes: NodeState[];
}

export interface DataplaneChanged {
	type: 'DataplaneChanged';
	time: number;
	dataplane: Dataplane;
}

export interface NetworkChanged {
	type: 'NetworkChanged';
	time: number;
	network: NetworkModel;
}

export interface ClientRateChanged {
	type: 'ClientRateChanged';
	time: number;
	connectionsPerSecond: number;
}

export type SimulationEvent =
	| ConnectionRouted
	| ConnectionDropped
	| ConnectionRejected
	| ConnectionReset
	| ProbeAnswered
	| LoadBalancerTargetChanged
	| ProxyRulesSynced
	| PodScheduled
	| PodBecameReady
	| PodTerminating
	| PodStoppedServing
	| PodDeleted
	| NodeAdded
	| NodeRemoved
	| NodeDied
	| NodeNotReady
	| PodEvicted
	| NodeCordoned
	| ServiceUpdated
	| ReplicasScaled
	| LoadBalancerModelChanged
	| LoadBalancerKindChanged
	| DataplaneChanged
	| NetworkChanged
	| ClientRateChanged;

export type EventType = SimulationEvent['type'];

/** Every event type, in the order docs/events.md lists them. */
export const EVENT_TYPES: readonly EventType[] = [
	'ConnectionRouted',
	'ConnectionDropped',
	'ConnectionRejected',
	'ConnectionReset',
	'ProbeAnswered',
	'LoadBalancerTargetChanged',
	'ProxyRulesSynced',
	'PodScheduled',
	'PodBecameReady',
	'PodTerminating',
	'PodStoppedServing',
	'PodDeleted',
	'NodeAdded',
	'NodeRemoved',
	'NodeDied',
	'NodeNotReady',
	'PodEvicted',
	'NodeCordoned',
	'ServiceUpdated',
	'ReplicasScaled',
	'LoadBalancerModelChanged',
	'LoadBalancerKindChanged',
	'DataplaneChanged',
	'NetworkChanged',
	'ClientRateChanged',
];

/** One tick of one sandbox, on /topic/sandboxes/{id}/events. */
export interface EventBatch {
	seq: number;
	generation: number;
	simTime: number;
	tickWallTime: number;
	events: SimulationEvent[];
	missed: Record<string, number>;
}

export interface NodeState {
	name: string;
	internalIp: string;
	zone: string | null;
	cordoned: boolean;
	gone: boolean;
	probeTarget: string;
	/** The HTTP status the LB's probe gets now: 200, 503, or 0 for a TCP probe or when nothing answers. */
	probeStatus: number;
	/** That probe's outcome (null when nothing probes the node: no cloud LB, or MetalLB). */
	probeAnswer: ProbeAnswer | null;
	verdict: TargetState | null;
	consecutive: number;
	conntrackEntries: number;
	programmedAt: number;
}

export interface PodState {
	name: string;
	node: string | null;
	ip: string | null;
	status: PodStatus;
	workload: string | null;
	backsService: boolean;
	since: number;
	/** Whether its endpoint serves: Ready, or terminating while its app still runs (false once the app has exited). */
	serving: boolean;
	/** When a terminating pod's app exits and it stops serving (ahead while serving, past once not); -1 when no timer ends its serving. */
	stopsServingAt: number;
}

export interface ServicePort {
	name: string;
	protocol: string;
	port: number;
	targetPort: string;
	nodePort: number;
}

/** The Service as the API server stores it (io.trafficlab.engine.model.Service). */
export interface Service {
	ref: { namespace: string; name: string };
	type: ServiceType;
	ports: ServicePort[];
	selector: Record<string, string>;
	clusterIp: string;
	externalIps: string[];
	loadBalancerIps: string[];
	externalTrafficPolicy: TrafficPolicy | null;
	internalTrafficPolicy: TrafficPolicy;
	healthCheckNodePort: number;
	sessionAffinity: SessionAffinity;
	sessionAffinityTimeoutSeconds: number;
	loadBalancerSourceRanges: string[];
	trafficDistribution: TrafficDistribution | null;
}

export interface SimulationSnapshot {
	/** The AWS NLB's DNS name (the Service's status shows it and no IP); null without a load balancer. */
	loadBalancerHostname?: string | null;
	now: number;
	/** The sandbox's settings (SimulationSettings); the scene reads these two. */
	settings: { seed: number; hopLatencyMicros: number; [setting: string]: unknown };
	nodes: NodeState[];
	pods: PodState[];
	service: Service;
	clientIps: string[];
	loadBalancer: LoadBalancerModel;
	/** The load balancer of the catalogue in front of the cluster, and its name as the canvas shows it. */
	loadBalancerKind: LoadBalancerKind;
	loadBalancerName: string;
	dataplane: Dataplane;
	/** The pod network, which decides the address kube-proxy's SNAT gives. */
	network: NetworkModel;
	/** MetalLB L2: the node that answers ARP for the LB IP now; null for another LB or when none does. */
	announcingNode: string | null;
	/** MetalLB BGP: the nodes the router has a route through now (a killed node's until the hold time ends). */
	advertisingNodes: string[];
	/** Whether the even/weighted knob (loadBalancer) tunes how the load balancer spreads. */
	spreadKnob: boolean;
	connectionsPerSecond: number;
	connections: number;
}

/** The answer on /app/sandboxes/{id}/snapshot and GET /api/v1/sandboxes/{id}/snapshot. */
export interface SandboxSnapshot {
	id: string;
	generation: number;
	seq: number;
	paused: boolean;
	speed: number;
	preset: string | null;
	simulation: SimulationSnapshot;
	/** The followed Service as `kubectl get service -o yaml` shows it, written by the server. */
	serviceYaml: string;
}

export interface HealthCheckResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export interface ProxyHealth {
	status: number;
	healthy: boolean;
	nodeEligible: boolean | null;
}

export interface PodStatistics {
	pod: string;
	node: string | null;
	ip: string | null;
	exactShare: string;
	observedShare: number;
	connections: number;
	exactSourcesSeen: Record<string, string>;
	sourcesSeen: Record<string, number>;
	/** Every address of exactSourcesSeen, then of sourcesSeen, once, with whose it is. */
	sources: SourceAddress[];
	/** The load balancer's verdict on the pod as an ip target; null when it does not target the pod. */
	lbTarget: TargetState | null;
}

/** A source address a pod sees and whose it is: a client's (kept), or a node's after SNAT (R15). */
export interface SourceAddress {
	address: string;
	kind: SourceKind;
	/** The node whose address it is; null for a client's. */
	node: string | null;
}

export interface NodeStatistics {
	node: string;
	/** What the load balancer sends it once its checks have settled (the analyzer's lbShare). */
	exactLbShare: string;
	/** What it sends it now, from its current verdicts; differs from exactLbShare while its checks lag a change. */
	lbShareNow: string;
	observedLbShare: number;
	entered: number;
	served: number;
	dropped: number;
	rejected: number;
}

/** The load balancer's probe of one node as it stands (the server's, from the chosen load balancer). */
export interface LbProbe {
	target: string;
	/** The HTTP status an HTTP probe gets now; 0 for a TCP probe (its outcome comes with the probe events). */
	status: number;
}

export interface HealthCheckRow {
	node: string;
	healthCheck: HealthCheckResponse | null;
	proxyHealthz: ProxyHealth;
	/** null when nothing probes this node (no cloud LB, or MetalLB, which announces instead). */
	lbProbe: LbProbe | null;
}

/** io.trafficlab.engine.balancer.ProbeSpec: what a load balancer checks under the Service's current policy. */
export interface ProbeSpec {
	protocol: ProbeProtocol;
	target: ProbeTarget;
	port: number;
	path: string | null;
	intervalSeconds: number;
	timeoutSeconds: number;
	healthyThreshold: number;
	unhealthyThreshold: number;
}

/** io.trafficlab.engine.analysis.LoadBalancerAnalysis: the load balancer in front of the Service, as analysed. */
export interface LoadBalancerAnalysis {
	kind: LoadBalancerKind;
	/** null when it does not probe. */
	probe: ProbeSpec | null;
	clientAddressKeptToNode: boolean;
	/** MetalLB: the node that answers ARP (L2) or the nodes that advertise a route (BGP); null for the other LBs. */
	announcingNodes: string[] | null;
	/** Weighted only where the Service's health check sends weights (Local with a healthCheckNodePort, R18). */
	spread: Spread;
	whenNoneHealthy: NoHealthy;
}

/** Over the pods that can serve (R4), as exact fractions ("1/6"). */
export interface ExactFairness {
	/** null when no pod receives external traffic. */
	busiestPod: string | null;
	busiestShare: string;
	maxShare: string;
	minShare: string;
	/** null when a serving pod gets nothing. */
	maxOverMin: string | null;
}

export interface Fairness {
	busiestPod: string | null;
	busiestShare: number;
	maxShare: number;
	minShare: number;
	maxOverMin: number | null;
}

export interface SimulationStatistics {
	now: number;
	countingSince: number;
	connections: number;
	routed: number;
	dropped: number;
	rejected: number;
	resets: number;
	totalConnections: number;
	exact: Record<string, unknown>;
	pods: PodStatistics[];
	nodes: NodeStatistics[];
	dropReasons: Record<string, number>;
	rejectReasons: Record<string, number>;
	healthChecks: HealthCheckRow[];
	exactFairness: ExactFairness;
	observedFairness: Fairness;
	/** MetalLB L2: the node that answers ARP for the LB IP now; null for another LB or when none does. */
	announcingNode?: string | null;
	/** MetalLB BGP: the nodes the router has a route through now (a killed node's until the hold time ends). */
	advertisingNodes?: string[];
}

/** On /topic/sandboxes/{id}/stats (or a room's), a few times a second. */
export interface StatisticsMessage {
	generation: number;
	tickWallTime: number;
	/** How the clock runs: no event tells, so a room's students learn it here. */
	paused?: boolean;
	speed?: number;
	statistics: SimulationStatistics;
}

/** The last message on a room's events topic: the room has ended. */
export interface StreamEnded {
	type: 'StreamEnded';
	message: string;
}

/** The v1 API's error body. */
export interface ApiErrors {
	errors: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isEventBatch(value: unknown): value is EventBatch {
	return (
		isRecord(value) &&
		typeof value.seq === 'number' &&
		typeof value.generation === 'number' &&
		typeof value.simTime === 'number' &&
		Array.isArray(value.events) &&
		isRecord(value.missed)
	);
}

export function isSandboxSnapshot(value: unknown): value is SandboxSnapshot {
	return (
		isRecord(value) &&
		typeof value.id === 'string' &&
		typeof value.seq === 'number' &&
		typeof value.generation === 'number' &&
		isRecord(value.simulation)
	);
}

export function isStatisticsMessage(value: unknown): value is StatisticsMessage {
	return isRecord(value) && typeof value.generation === 'number' && isRecord(value.statistics);
}

export function isStreamEnded(value: unknown): value is StreamEnded {
	return isRecord(value) && value.type === 'StreamEnded' && typeof value.message === 'string';
}

export function isApiErrors(value: unknown): value is ApiErrors {
	return isRecord(value) && Array.isArray(value.errors);
}
