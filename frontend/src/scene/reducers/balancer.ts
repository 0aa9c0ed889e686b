// The cloud load balancer: its health-check probes (and the probe's trip on the canvas), its verdicts, its model.
import { MAX_FLIGHTS } from '../packets';
import { dropRemovedNodes, withNode, type Reducers } from './draft';

export const balancerReducers: Reducers<'ProbeAnswered' | 'LoadBalancerTargetChanged' | 'LoadBalancerModelChanged'
	| 'LoadBalancerKindChanged' | 'DataplaneChanged' | 'NetworkChanged'> = {
	ProbeAnswered: (draft, event) => {
		// a pod target's verdict is not its node's
		if (event.pod === null) {
			withNode(draft, event.node, (node) => {
				node.probeTarget = event.target;
				node.probeStatus = event.status;
				node.probeAnswer = event.answer;
				node.verdict = event.verdict;
				node.consecutive = event.consecutive;
			});
		}
		if (draft.flights.length < MAX_FLIGHTS) {
			draft.flights.push({
				kind: 'probe', id: event.time, node: event.node, pod: event.pod, simStart: event.time, status: event.status,
				answer: event.answer, passed: event.passed, verdict: event.verdict, consecutive: event.consecutive,
				threshold: event.threshold, start: null,
			});
		}
	},
	LoadBalancerTargetChanged: (draft, event) => {
		if (event.pod === null) {
			withNode(draft, event.node, (node) => {
				node.verdict = event.to;
			});
		}
		dropRemovedNodes(draft);
	},
	LoadBalancerModelChanged: (draft, event) => {
		draft.loadBalancer = event.model;
	},
	LoadBalancerKindChanged: (draft, event) => {
		// the old load balancer's probes and verdicts no longer hold: the new one starts from the cluster as it is
		for (const state of event.nodes) {
			withNode(draft, state.name, (node) => {
				Object.assign(node, {
					probeTarget: state.probeTarget, probeStatus: state.probeStatus, probeAnswer: state.probeAnswer,
					verdict: state.verdict, consecutive: state.consecutive,
				});
			});
		}
		draft.loadBalancerKind = event.kind;
		draft.loadBalancerName = event.name;
		draft.spreadKnob = event.spreadKnob;
	},
	DataplaneChanged: (draft, event) => {
		draft.dataplane = event.dataplane;
	},
	NetworkChanged: (draft, event) => {
		draft.network = event.network;
	},
};
