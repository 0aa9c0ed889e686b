// Connections and the clients' traffic: a routed, dropped or refused connection becomes a packet's trip (and an entry
// for the inspector); a reset marks where an established connection was cut.
import type { Hop } from '../../protocol/events';
import { analysedLoadBalancer } from '../balancer';
import { MAX_FLIGHTS, stretchFor } from '../packets';
import { KEPT_CONNECTIONS, type ConnectionContext, type ConnectionEvent } from '../scene';
import type { Draft, Reducers } from './draft';

type ConnectionEventType =
	| 'ConnectionRouted'
	| 'ConnectionDropped'
	| 'ConnectionRejected'
	| 'ConnectionReset'
	| 'ClientRateChanged';

export const connectionReducers: Reducers<ConnectionEventType> = {
	ConnectionRouted: (draft, event) => addConnection(draft, event, 'routed', null),
	ConnectionDropped: (draft, event) => addConnection(draft, event, 'dropped', event.reason),
	ConnectionRejected: (draft, event) => addConnection(draft, event, 'rejected', event.reason),
	ConnectionReset: (draft, event) => {
		const record = draft.connections.get(event.connection);
		if (record !== undefined) {
			draft.connections.set(event.connection, { ...record, reset: { time: event.time, reason: event.reason } });
		}
		draft.flights.push({
			kind: 'reset', id: event.connection, pod: event.pod, node: event.node, reason: event.reason,
			simStart: event.time, start: null,
		});
	},
	ClientRateChanged: (draft, event) => {
		draft.connectionsPerSecond = event.connectionsPerSecond;
	},
};

/** What the LB and the nodes looked like when the connection arrived: the inspector's "why". */
function contextOf(draft: Draft): ConnectionContext {
	return {
		policy: draft.service.externalTrafficPolicy,
		loadBalancerName: draft.loadBalancerName,
		balancer: analysedLoadBalancer(draft),
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
