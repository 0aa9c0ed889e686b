// One line of plain words per event, for the event log.
import type { SimulationEvent } from '../protocol/events';
import { answerWords } from '../scene/labels';

/** Simulated microseconds as seconds with millisecond precision: "12.345 s". */
export function formatSimTime(micros: number): string {
	return `${(micros / 1_000_000).toFixed(3)} s`;
}

export function describeEvent(event: SimulationEvent): string {
	switch (event.type) {
		case 'ConnectionRouted':
			return `#${event.connection} from ${event.clientIp} via ${event.entryNode} to ${event.pod} on ${event.node}, `
				+ `which sees ${event.sourceSeen}`;
		case 'ConnectionDropped':
			return `#${event.connection} from ${event.clientIp} dropped on ${event.node}: ${event.reason}`;
		case 'ConnectionRejected':
			return `#${event.connection} from ${event.clientIp} refused by ${event.node}: ${event.reason}`;
		case 'ConnectionReset':
			return `#${event.connection} to ${event.pod} on ${event.node} cut: ${event.reason}`;
		case 'ProbeAnswered':
			return `LB probe of ${event.pod ?? event.node} (${event.target}): ${answerWords(event.status, event.answer)}, `
				+ `${event.passed ? 'passed' : 'failed'}, target ${event.verdict}`;
		case 'LoadBalancerTargetChanged':
			return `LB target ${event.pod ?? event.node}: ${event.from ?? 'registered'} → ${event.to ?? 'deregistered'} (${event.reason})`;
		case 'ProxyRulesSynced':
			return `kube-proxy on ${event.node} synced: cluster ${list(event.clusterEndpoints)}, local ${list(event.localEndpoints)}`;
		case 'PodScheduled':
			return event.node !== null
				? `${event.pod} scheduled on ${event.node} (${event.reason})`
				: `${event.pod} pending: ${event.reason}`;
		case 'PodBecameReady':
			return `${event.pod} on ${event.node} is Ready`;
		case 'PodTerminating':
			return event.deletesAt < 0
				? `${event.pod} on ${event.node} terminating (${event.reason})`
				: `${event.pod} on ${event.node} terminating until ${formatSimTime(event.deletesAt)} (${event.reason})`
					+ (event.stopsServingAt < 0 || event.shutdown === null ? ''
						: `; serves until ${formatSimTime(event.stopsServingAt)}: ${event.shutdown}`);
		case 'PodStoppedServing':
			return `${event.pod} on ${event.node} stopped serving: ${event.reason}`;
		case 'PodDeleted':
			return `${event.pod} deleted (${event.reason})`;
		case 'NodeAdded':
			return `node ${event.node} (${event.internalIp}) joined`;
		case 'NodeRemoved':
			return `node ${event.node} ${event.killed ? '(dead) deleted' : 'left'}: ${event.reason}`;
		case 'NodeDied':
			return `node ${event.node} died: ${event.reason}`;
		case 'NodeNotReady':
			return `node ${event.node} NotReady, pods marked NotReady ${list(event.pods)}: ${event.reason}`;
		case 'PodEvicted':
			return `${event.pod} on ${event.node} evicted (${event.reason})`;
		case 'NodeCordoned':
			return `node ${event.node} ${event.cordoned ? 'cordoned' : 'uncordoned'}`;
		case 'ServiceUpdated':
			return `Service ${event.field}: ${event.from || '(unset)'} → ${event.to || '(unset)'}`;
		case 'ReplicasScaled':
			return `${event.workload} scaled from ${event.from} to ${event.to}`;
		case 'LoadBalancerModelChanged':
			return `LB now spreads ${event.model}`;
		case 'LoadBalancerKindChanged':
			return `the load balancer is now ${event.name}`;
		case 'DataplaneChanged':
			return `the dataplane is now ${event.dataplane}`;
		case 'NetworkChanged':
			return `the pod network is now ${event.network}`;
		case 'ClientRateChanged':
			return `clients now send ${event.connectionsPerSecond} connections per second`;
	}
}

function list(ips: string[] | null): string {
	return ips === null ? 'unused' : `[${ips.join(', ')}]`;
}
