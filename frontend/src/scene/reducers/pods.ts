// Pods and their workload: scheduled, ready, terminating, evicted, deleted; the replica count.
import { podsOf, withPod, type Reducers } from './draft';

type PodEventType = 'PodScheduled' | 'PodBecameReady' | 'PodTerminating' | 'PodStoppedServing' | 'PodDeleted' | 'PodEvicted'
	| 'ReplicasScaled';

export const podReducers: Reducers<PodEventType> = {
	PodScheduled: (draft, event) => {
		const pod = podsOf(draft).find((p) => p.name === event.pod);
		const status = event.node === null ? 'pending' : 'starting';
		if (pod === undefined) {
			draft.pods.push({
				name: event.pod, node: event.node, ip: event.podIp, status, workload: event.workload,
				backsService: true, since: event.time, serving: false, stopsServingAt: -1,
			});
		}
		else if (pod.status === 'pending') {
			Object.assign(pod, { node: event.node, ip: event.podIp, status, since: event.time });
		}
	},
	PodBecameReady: (draft, event) => {
		withPod(draft, event.pod, (pod) => {
			Object.assign(pod, { status: 'ready', node: event.node, since: event.time, serving: true });
		});
	},
	// a pod that had been Ready keeps serving until its app exits (the server says whether it serves now)
	PodTerminating: (draft, event) => {
		withPod(draft, event.pod, (pod) => {
			Object.assign(pod, {
				status: 'terminating', since: event.time, serving: event.serving, stopsServingAt: event.stopsServingAt,
			});
		});
	},
	// the pod stays terminating until it is deleted (another container or kubelet is not done yet)
	PodStoppedServing: (draft, event) => {
		withPod(draft, event.pod, (pod) => {
			pod.serving = false;
		});
	},
	PodDeleted: (draft, event) => {
		draft.pods = draft.pods.filter((pod) => pod.name !== event.pod);
	},
	PodEvicted: (draft, event) => {
		withPod(draft, event.pod, (pod) => {
			Object.assign(pod, { status: 'terminating', since: event.time, serving: false, stopsServingAt: -1 });
		});
	},
	ReplicasScaled: (draft, event) => {
		draft.replicas = event.to;
	},
};
