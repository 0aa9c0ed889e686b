// Nodes: added, cordoned, killed, unreachable, removed; and the endpoint sets their kube-proxy programmed.
import { dropRemovedNodes, nodesOf, podsOf, withNode, withPod, type Reducers } from './draft';

type NodeEventType = 'NodeAdded' | 'NodeRemoved' | 'NodeDied' | 'NodeNotReady' | 'NodeCordoned' | 'ProxyRulesSynced';

export const nodeReducers: Reducers<NodeEventType> = {
	NodeAdded: (draft, event) => {
		if (!draft.nodes.some((node) => node.name === event.node)) {
			nodesOf(draft).push({
				name: event.node, internalIp: event.internalIp, zone: event.zone, cordoned: false, gone: false,
				probeTarget: '', probeStatus: 0, probeAnswer: null, verdict: null, consecutive: 0, clusterEndpoints: undefined,
				localEndpoints: undefined,
			});
		}
	},
	NodeRemoved: (draft, event) => {
		withNode(draft, event.node, (node) => {
			node.gone = true;
			node.removed = true;
			node.probeStatus = 0;
			node.probeAnswer = 'timed-out';
		});
		dropRemovedNodes(draft);
	},
	NodeDied: (draft, event) => {
		withNode(draft, event.node, (node) => {
			node.gone = true;
			node.probeStatus = 0;
		});
		// no kubelet runs a shutdown there now: the node controller ends its pods' serving
		for (const pod of podsOf(draft)) {
			if (pod.node === event.node && pod.serving) {
				pod.stopsServingAt = -1;
			}
		}
	},
	NodeNotReady: (draft, event) => {
		for (const name of event.pods) {
			withPod(draft, name, (pod) => {
				Object.assign(pod, { status: 'not-ready', since: event.time });
			});
		}
		// Ready is False now, so no endpoint there serves, a terminating one included
		for (const pod of podsOf(draft)) {
			if (pod.node === event.node) {
				pod.serving = false;
			}
		}
	},
	NodeCordoned: (draft, event) => {
		withNode(draft, event.node, (node) => {
			node.cordoned = event.cordoned;
		});
	},
	ProxyRulesSynced: (draft, event) => {
		withNode(draft, event.node, (node) => {
			node.clusterEndpoints = event.clusterEndpoints;
			node.localEndpoints = event.localEndpoints;
		});
	},
};
