// A small sandbox as the stream describes it: uneven-3-1-0 (pods 3/1/0 on n1/n2/n3, Local).
import type {
	ConnectionDropped,
	ConnectionRouted,
	Direction,
	EventBatch,
	Hop,
	SandboxSnapshot,
	SimulationEvent,
	StatisticsMessage,
} from '../../src/protocol/events';

export const CLIENT = '203.0.113.10';

/** The Service as the server writes it (ManifestExporter.serviceYaml) for uneven-3-1-0, Local. */
export const SERVICE_YAML = [
	'apiVersion: v1',
	'kind: Service',
	'metadata:',
	'  name: web',
	'  namespace: default',
	'spec:',
	'  allocateLoadBalancerNodePorts: true',
	'  clusterIP: 10.101.253.78',
	'  externalTrafficPolicy: Local',
	'  healthCheckNodePort: 30273',
	'  internalTrafficPolicy: Cluster',
	'  ports:',
	'  - name: http',
	'    nodePort: 31426',
	'    port: 80',
	'    protocol: TCP',
	'    targetPort: 8080',
	'  selector:',
	'    app: web',
	'  sessionAffinity: None',
	'  type: LoadBalancer',
	'status:',
	'  loadBalancer:',
	'    ingress:',
	'    - ip: 198.51.100.10',
	'',
].join('\n');

/** The same after switching to Cluster: the policy line changes, the health-check port goes. */
export const SERVICE_YAML_CLUSTER = SERVICE_YAML
	.replace('externalTrafficPolicy: Local', 'externalTrafficPolicy: Cluster')
	.replace('  healthCheckNodePort: 30273\n', '');

export function snapshot(overrides: Partial<SandboxSnapshot> = {}): SandboxSnapshot {
	const node = (name: string, ip: string, status: number) => ({
		name, internalIp: ip, zone: null, cordoned: false, gone: false, probeTarget: `${ip}:30273/healthz`,
		probeStatus: status, probeAnswer: 'http' as const, verdict: status === 200 ? 'healthy' as const : 'unhealthy' as const, consecutive: 2,
		conntrackEntries: 0, programmedAt: 0,
	});
	const pod = (name: string, nodeName: string, ip: string) => ({
		name, node: nodeName, ip, status: 'ready' as const, workload: 'Deployment/web', backsService: true, since: 0,
		serving: true, stopsServingAt: -1,
	});
	return {
		id: 'sandbox-a',
		generation: 0,
		seq: 10,
		paused: false,
		speed: 1,
		preset: 'uneven-3-1-0',
		simulation: {
			now: 1_000_000,
			settings: { seed: 7, hopLatencyMicros: 500, probes: null },
			nodes: [node('n1', '192.168.0.11', 200), node('n2', '192.168.0.12', 200), node('n3', '192.168.0.13', 503)],
			pods: [
				pod('web-1', 'n1', '10.244.1.10'), pod('web-2', 'n1', '10.244.1.11'), pod('web-3', 'n1', '10.244.1.12'),
				pod('web-4', 'n2', '10.244.2.10'),
			],
			service: {
				ref: { namespace: 'default', name: 'web' }, type: 'LoadBalancer',
				ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: '8080', nodePort: 31426 }],
				selector: { app: 'web' }, clusterIp: '10.101.253.78', externalIps: [], loadBalancerIps: ['198.51.100.10'],
				externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Cluster', healthCheckNodePort: 30273,
				sessionAffinity: 'None', sessionAffinityTimeoutSeconds: 0, loadBalancerSourceRanges: [],
				trafficDistribution: null,
			},
			clientIps: [CLIENT, '198.51.100.7'],
			loadBalancer: 'even',
			loadBalancerKind: 'aws-nlb-instance',
			loadBalancerName: 'AWS NLB (instance targets)',
			dataplane: 'kube-proxy',
			network: 'bridge',
			announcingNode: null,
			advertisingNodes: [],
			spreadKnob: true,
			connectionsPerSecond: 50,
			connections: 0,
		},
		serviceYaml: SERVICE_YAML,
		...overrides,
	};
}

function hop(time: number, direction: Direction, at: string, src: [string, string], dst: [string, string]): Hop {
	return {
		time, direction, at, reason: `at ${at}`, srcBefore: src[0], srcAfter: src[1], dstBefore: dst[0], dstAfter: dst[1],
	};
}

/** Cluster: enters n3, SNAT to n3's address, second hop to n2, web-4, and back. */
export function routedViaN3(connection: number, time: number): ConnectionRouted {
	const c = `${CLIENT}:40000`;
	const vip = '198.51.100.10:80';
	const snat = '192.168.0.13:40000';
	const pod = '10.244.2.10:8080';
	return {
		type: 'ConnectionRouted', time, connection, clientIp: CLIENT, entryNode: 'n3', node: 'n2', pod: 'web-4',
		podIp: '10.244.2.10', sourceSeen: '192.168.0.13', completesAt: time + 4500,
		hops: [
			hop(time, 'request', CLIENT, [c, c], [vip, vip]),
			hop(time + 500, 'request', 'lb', [c, c], [vip, vip]),
			hop(time + 1000, 'request', 'n3', [c, snat], [vip, pod]),
			hop(time + 1500, 'request', 'n2', [snat, snat], [pod, pod]),
			hop(time + 2000, 'request', 'web-4', [snat, snat], [pod, pod]),
			hop(time + 2500, 'reply', 'web-4', [pod, pod], [snat, snat]),
			hop(time + 3000, 'reply', 'n2', [pod, pod], [snat, snat]),
			hop(time + 3500, 'reply', 'n3', [pod, vip], [snat, c]),
			hop(time + 4000, 'reply', 'lb', [vip, vip], [c, c]),
			hop(time + 4500, 'reply', CLIENT, [vip, vip], [c, c]),
		],
	};
}

export function droppedAtN3(connection: number, time: number): ConnectionDropped {
	const c = `${CLIENT}:40001`;
	const vip = '198.51.100.10:80';
	return {
		type: 'ConnectionDropped', time, connection, clientIp: CLIENT, node: 'n3',
		reason: 'n3 has no local endpoint', hops: [
			hop(time, 'request', CLIENT, [c, c], [vip, vip]),
			hop(time + 500, 'request', 'lb', [c, c], [vip, vip]),
			hop(time + 1000, 'request', 'n3', [c, c], [vip, vip]),
		],
	};
}

export function batch(seq: number, simTime: number, events: SimulationEvent[], generation = 0): EventBatch {
	return { seq, generation, simTime, tickWallTime: 0, events, missed: {} };
}

export function statistics(generation = 0): StatisticsMessage {
	const health = (node: string, status: number) => ({
		node,
		lbProbe: { target: `192.168.0.1${node.slice(1)}:30273/healthz`, status },
		healthCheck: { status, headers: { 'X-Load-Balancing-Endpoint-Weight': status === 200 ? '1' : '0' }, body: '{}' },
		proxyHealthz: { status: 200, healthy: true, nodeEligible: true },
	});
	return {
		generation,
		tickWallTime: 0,
		statistics: {
			now: 1_000_000, countingSince: 0, connections: 12, routed: 12, dropped: 0, rejected: 0, resets: 0,
			totalConnections: 12,
			exact: {
				service: { ref: { namespace: 'default', name: 'web' }, type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' },
				nodes: [{ name: 'n1', clusterEndpoints: ['10.244.1.10'], localEndpoints: null }],
			},
			pods: [
				{ pod: 'web-4', node: 'n2', ip: '10.244.2.10', exactShare: '1/2', observedShare: 0.5, connections: 6,
					exactSourcesSeen: { [CLIENT]: '1/2' }, sourcesSeen: { [CLIENT]: 6 },
					sources: [{ address: CLIENT, kind: 'client', node: null }], lbTarget: null },
			],
			nodes: [],
			dropReasons: {},
			rejectReasons: {},
			healthChecks: [health('n1', 200), health('n2', 200), health('n3', 503)],
			exactFairness: { busiestPod: 'web-4', busiestShare: '1/2', maxShare: '1/2', minShare: '1/6', maxOverMin: '3' },
			observedFairness: { busiestPod: 'web-4', busiestShare: 0.5, maxShare: 0.5, minShare: 0.15, maxOverMin: 3.3 },
		},
	};
}
