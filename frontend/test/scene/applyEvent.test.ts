import { answerText, AWAITING_PROBE, probeWords } from '../../src/scene/labels';
import { describe, expect, it } from 'vitest';
import { applyBatch, applyEvent, applyStatistics } from '../../src/scene/applyEvent';
import { currentReplicas, findNode, findPod, sceneFromSnapshot } from '../../src/scene/scene';
import { batch, droppedAtN3, routedViaN3, SERVICE_YAML_CLUSTER, snapshot, statistics } from './fixtures';

describe('sceneFromSnapshot', () => {
	it('reads nodes, pods, the Service in Kubernetes spelling and the settings', () => {
		const scene = sceneFromSnapshot(snapshot());
		expect(scene.nodes.map((node) => node.name)).toEqual(['n1', 'n2', 'n3']);
		expect(scene.pods).toHaveLength(4);
		expect(scene.service.type).toBe('LoadBalancer');
		expect(scene.service.externalTrafficPolicy).toBe('Local');
		expect(scene.service.sessionAffinity).toBe('None');
		expect(scene.seed).toBe(7);
		expect(scene.hopLatencyMicros).toBe(500);
		expect(scene.clock.display).toBe(1_000_000);
		expect(currentReplicas(scene)).toBe(4);
	});
});

describe('applyEvent', () => {
	const scene = sceneFromSnapshot(snapshot());

	it('never changes the scene it is given', () => {
		const before = JSON.stringify({ ...scene, connections: [...scene.connections] });
		applyEvent(scene, { type: 'PodDeleted', time: 1, pod: 'web-1', node: 'n1', reason: 'moved' });
		applyEvent(scene, routedViaN3(1, 1_000_100));
		expect(JSON.stringify({ ...scene, connections: [...scene.connections] })).toBe(before);
	});

	it('follows a pod from scheduled to ready to terminating to deleted', () => {
		let next = applyEvent(scene, {
			type: 'PodScheduled', time: 2, pod: 'web-5', node: 'n3', podIp: '10.244.3.10', workload: 'Deployment/web',
			reason: 'replaces web-4',
		});
		expect(findPod(next, 'web-5')?.status).toBe('starting');
		next = applyEvent(next, { type: 'PodBecameReady', time: 3, pod: 'web-5', node: 'n3' });
		expect(findPod(next, 'web-5')?.status).toBe('ready');
		next = applyEvent(next, { type: 'PodTerminating', time: 4, pod: 'web-5', node: 'n3', deletesAt: 9, reason: 'x', stopsServingAt: 9, shutdown: 'y', serving: true });
		expect(findPod(next, 'web-5')?.status).toBe('terminating');
		next = applyEvent(next, { type: 'PodDeleted', time: 9, pod: 'web-5', node: 'n3', reason: 'x' });
		expect(findPod(next, 'web-5')).toBeUndefined();
	});

	it('follows whether a terminating pod still serves: until its app exits, then not while it stays terminating', () => {
		let next = applyEvent(scene, { type: 'PodTerminating', time: 4, pod: 'web-1', node: 'n1', deletesAt: 28, reason: 'x', stopsServingAt: 20, shutdown: 'y', serving: true });
		expect(findPod(next, 'web-1')).toMatchObject({ status: 'terminating', serving: true, stopsServingAt: 20 });
		next = applyEvent(next, { type: 'PodStoppedServing', time: 20, pod: 'web-1', node: 'n1', reason: 'y' });
		expect(findPod(next, 'web-1')).toMatchObject({ status: 'terminating', serving: false, stopsServingAt: 20 });
		const starting = applyEvent(scene, {
			type: 'PodScheduled', time: 2, pod: 'web-5', node: 'n3', podIp: '10.244.3.10', workload: 'Deployment/web', reason: 'x',
		});
		expect(findPod(starting, 'web-5')).toMatchObject({ serving: false, stopsServingAt: -1 });
		const neverReady = applyEvent(starting, { type: 'PodTerminating', time: 3, pod: 'web-5', node: 'n3', deletesAt: 5, reason: 'x', stopsServingAt: -1, shutdown: null, serving: false });
		expect(findPod(neverReady, 'web-5')).toMatchObject({ status: 'terminating', serving: false });
		// whether it serves is the server's word (SimPod.serving): a pod the node controller marked NotReady had been
		// Ready, but its Ready condition is False, so its endpoint does not serve once it terminates either
		const notReady = { ...scene, pods: scene.pods.map((pod) => pod.name === 'web-1' ? { ...pod, status: 'not-ready' as const, serving: false } : pod) };
		const deleted = applyEvent(notReady, { type: 'PodTerminating', time: 60, pod: 'web-1', node: 'n1', deletesAt: -1, reason: 'x', stopsServingAt: -1, shutdown: null, serving: false });
		expect(findPod(deleted, 'web-1')).toMatchObject({ status: 'terminating', serving: false });
	});

	it('ends the serving of a dead node\'s pods once the node controller marks them NotReady, terminating ones too', () => {
		let next = applyEvent(scene, { type: 'PodTerminating', time: 4, pod: 'web-1', node: 'n1', deletesAt: 28, reason: 'x', stopsServingAt: 20, shutdown: 'y', serving: true });
		next = applyEvent(next, { type: 'NodeDied', time: 5, node: 'n1', reason: 'died' });
		expect(findPod(next, 'web-1')).toMatchObject({ serving: true, stopsServingAt: -1 });
		next = applyEvent(next, { type: 'NodeNotReady', time: 55, node: 'n1', pods: [], reason: 'x' });
		expect(next.pods.filter((pod) => pod.node === 'n1').map((pod) => pod.serving)).not.toContain(true);
	});

	it('is idempotent: a pod already there is not added twice, a pod already gone stays gone', () => {
		const scheduled = {
			type: 'PodScheduled' as const, time: 2, pod: 'web-1', node: 'n1', podIp: '10.244.1.10',
			workload: 'Deployment/web', reason: 'created',
		};
		const twice = applyEvent(applyEvent(scene, scheduled), scheduled);
		expect(twice.pods.filter((pod) => pod.name === 'web-1')).toHaveLength(1);
		expect(findPod(twice, 'web-1')?.status).toBe('ready');
		const deleted = { type: 'PodDeleted' as const, time: 3, pod: 'web-9', node: null, reason: 'x' };
		expect(applyEvent(scene, deleted).pods).toHaveLength(4);
		const added = { type: 'NodeAdded' as const, time: 1, node: 'n1', internalIp: '192.168.0.11', zone: null };
		expect(applyEvent(scene, added).nodes).toHaveLength(3);
	});

	it('keeps a killed node until the load balancer deregisters it', () => {
		let next = applyEvent(scene, { type: 'NodeRemoved', time: 5, node: 'n2', killed: true, reason: 'killed' });
		expect(findNode(next, 'n2')?.gone).toBe(true);
		expect(findNode(next, 'n2')?.probeStatus).toBe(0);
		next = applyEvent(next, { type: 'LoadBalancerTargetChanged', time: 6, node: 'n2', pod: null, from: 'healthy', to: 'unhealthy', reason: 'x' });
		expect(findNode(next, 'n2')).toBeDefined();
		next = applyEvent(next, { type: 'LoadBalancerTargetChanged', time: 7, node: 'n2', pod: null, from: 'unhealthy', to: null, reason: 'x' });
		expect(findNode(next, 'n2')).toBeUndefined();
	});

	it('keeps a dead node and its pods until its Node object is deleted', () => {
		let next = applyEvent(scene, { type: 'NodeDied', time: 5, node: 'n2', reason: 'died' });
		expect(findNode(next, 'n2')?.gone).toBe(true);
		next = applyEvent(next, { type: 'LoadBalancerTargetChanged', time: 7, node: 'n2', pod: null, from: 'unhealthy', to: null, reason: 'x' });
		expect(findNode(next, 'n2')).toBeDefined();
		const pod = next.pods.find((p) => p.node === 'n2');
		expect(pod).toBeDefined();
		next = applyEvent(next, { type: 'NodeNotReady', time: 55, node: 'n2', pods: [pod!.name], reason: 'x' });
		expect(next.pods.find((p) => p.name === pod!.name)?.status).toBe('not-ready');
		next = applyEvent(next, { type: 'PodEvicted', time: 355, pod: pod!.name, node: 'n2', reason: 'x' });
		expect(next.pods.find((p) => p.name === pod!.name)?.status).toBe('terminating');
	});

	it('records probe answers on the node and animates the probe', () => {
		const next = applyEvent(scene, {
			type: 'ProbeAnswered', time: 8, node: 'n3', pod: null, target: '192.168.0.13:32000/healthz', status: 200, body: '',
			answer: 'http', passed: true, verdict: 'unhealthy', consecutive: 1, threshold: 2,
		});
		const n3 = findNode(next, 'n3');
		expect(n3?.probeStatus).toBe(200);
		expect(n3?.probeTarget).toBe('192.168.0.13:32000/healthz');
		expect(n3?.consecutive).toBe(1);
		expect(next.flights).toEqual([expect.objectContaining({ kind: 'probe', node: 'n3', status: 200, threshold: 2, start: null })]);
	});

	it('leaves the node alone when the target is a pod (NLB ip targets), and sends the probe to the pod', () => {
		const before = findNode(scene, 'n2');
		let next = applyEvent(scene, {
			type: 'ProbeAnswered', time: 8, node: 'n2', pod: 'web-4', target: '10.244.2.10:8080', status: 0, body: '',
			answer: 'timed-out', passed: false, verdict: 'unhealthy', consecutive: 3, threshold: 3,
		});
		next = applyEvent(next, { type: 'LoadBalancerTargetChanged', time: 8, node: 'n2', pod: 'web-4', from: 'healthy',
			to: 'unhealthy', reason: '3 failing probes in a row' });
		expect(findNode(next, 'n2')?.verdict).toBe(before?.verdict);
		expect(findNode(next, 'n2')?.consecutive).toBe(before?.consecutive);
		expect(next.flights).toEqual([expect.objectContaining({ kind: 'probe', node: 'n2', pod: 'web-4', passed: false })]);
	});

	it('turns the policy, the LB model, the client rate and the replicas as events tell', () => {
		let next = applyEvent(scene, {
			type: 'ServiceUpdated', time: 1, field: 'spec.externalTrafficPolicy', from: 'Local', to: 'Cluster',
			healthCheckNodePort: 0, serviceYaml: SERVICE_YAML_CLUSTER,
		});
		expect(next.serviceYaml).toBe(SERVICE_YAML_CLUSTER);
		expect(next.service.externalTrafficPolicy).toBe('Cluster');
		expect(next.service.healthCheckNodePort).toBe(0);
		next = applyEvent(next, { type: 'LoadBalancerModelChanged', time: 2, model: 'weighted' });
		next = applyEvent(next, { type: 'ClientRateChanged', time: 3, connectionsPerSecond: 5 });
		next = applyEvent(next, { type: 'ReplicasScaled', time: 4, workload: 'Deployment/web', from: 4, to: 6 });
		expect([next.loadBalancer, next.connectionsPerSecond, currentReplicas(next)]).toEqual(['weighted', 5, 6]);
	});

	it('keeps connections for the inspector with what the LB looked like, and animates them', () => {
		const next = applyEvent(scene, routedViaN3(42, 1_000_100));
		const record = next.connections.get(42);
		expect(record?.event.type).toBe('ConnectionRouted');
		expect(record?.context.policy).toBe('Local');
		expect(record?.context.targets.find((t) => t.node === 'n3')?.verdict).toBe('unhealthy');
		expect(next.flights).toEqual([expect.objectContaining({ kind: 'packet', id: 42, outcome: 'routed', start: null })]);
		const dropped = applyEvent(next, droppedAtN3(43, 1_000_200));
		expect(dropped.flights[1]).toEqual(expect.objectContaining({ outcome: 'dropped', reason: 'n3 has no local endpoint' }));
	});
});

describe('applyBatch', () => {
	it('applies events in order, lists the newest first and moves the clock', () => {
		const scene = sceneFromSnapshot(snapshot());
		const next = applyBatch(scene, batch(11, 1_050_000, [
			routedViaN3(1, 1_000_100),
			{ type: 'NodeCordoned', time: 1_000_200, node: 'n1', cordoned: true },
		]));
		expect(next.seq).toBe(11);
		expect(next.now).toBe(1_050_000);
		expect(next.recent.map((item) => item.event.type)).toEqual(['NodeCordoned', 'ConnectionRouted']);
		expect(new Set(next.recent.map((item) => item.key)).size).toBe(2);
		expect(findNode(next, 'n1')?.cordoned).toBe(true);
	});

	it('keeps the very same nodes and pods when a batch only carries connections (the renderer caches them)', () => {
		const scene = sceneFromSnapshot(snapshot());
		const next = applyBatch(scene, batch(11, 1_050_000, [routedViaN3(1, 1_000_100), droppedAtN3(2, 1_000_200)]));
		expect(next.nodes).toBe(scene.nodes);
		expect(next.pods).toBe(scene.pods);
		const cordoned = applyBatch(next, batch(12, 1_100_000, [{ type: 'NodeCordoned', time: 1_060_000, node: 'n2', cordoned: true }]));
		expect(cordoned.nodes).not.toBe(next.nodes);
		expect(findNode(next, 'n2')?.cordoned).toBe(false);
		expect(cordoned.pods).toBe(next.pods);
	});

	it('lets a step play out while paused', () => {
		const scene = sceneFromSnapshot(snapshot({ paused: true }));
		const next = applyBatch(scene, batch(11, 1_000_100, [routedViaN3(1, 1_000_100)]));
		expect(next.clock.runUntil).toBeGreaterThan(scene.clock.anim + 2000);
	});

	it('does not play a batch ticked before the pause that arrives after the pause was answered', () => {
		const running = sceneFromSnapshot(snapshot());
		// the pause's answer says the clock stopped at the snapshot's time
		const paused = { ...running, paused: true, pausedAt: running.now };
		const late = applyBatch(paused, batch(11, running.now, [routedViaN3(1, running.now)]));
		expect(late.clock.runUntil).toBe(paused.clock.runUntil);
		expect(late.connections.size).toBe(1);
		const step = applyBatch(late, batch(12, running.now + 100_000, [routedViaN3(2, running.now + 50_000)]));
		expect(step.clock.runUntil).toBeGreaterThan(late.clock.anim + 2000);
	});
});

describe('the load balancer publishing the Service', () => {
	it('takes MetalLB\'s IP in place of the NLB\'s hostname, and the hostname back', () => {
		const scene = { ...sceneFromSnapshot(snapshot()), loadBalancerHostname: 'k8s-default-web-1.elb.amazonaws.com' };
		const event = { type: 'ServiceUpdated' as const, time: 1, field: 'status.loadBalancer.ingress',
			from: 'k8s-default-web-1.elb.amazonaws.com', to: '198.51.100.10', healthCheckNodePort: 32000, serviceYaml: null };
		const l2 = applyEvent(scene, event);
		expect(l2.loadBalancerHostname).toBeNull();
		expect(l2.service.loadBalancerIps).toEqual(['198.51.100.10']);
		const back = applyEvent(l2, { ...event, from: '198.51.100.10', to: 'k8s-default-web-1.elb.amazonaws.com' });
		expect(back.loadBalancerHostname).toBe('k8s-default-web-1.elb.amazonaws.com');
		expect(back.service.loadBalancerIps).toEqual([]);
	});
});

describe('applyStatistics', () => {
	it('takes the node that announces the LB IP under MetalLB L2, and forgets it when none does', () => {
		const scene = sceneFromSnapshot(snapshot());
		expect(scene.announcingNode).toBeNull();
		const message = statistics();
		const announced = applyStatistics(scene, { ...message, statistics: { ...message.statistics, announcingNode: 'n1' } });
		expect(announced.announcingNode).toBe('n1');
		expect(applyStatistics(announced, message).announcingNode).toBeNull();
	});

	it('takes the live health answers, the Service and the endpoint sets of the same generation', () => {
		const scene = sceneFromSnapshot(snapshot());
		const next = applyStatistics(scene, statistics());
		expect(next.statistics?.pods[0].exactShare).toBe('1/2');
		expect(next.service.externalTrafficPolicy).toBe('Cluster');
		expect(findNode(next, 'n1')?.clusterEndpoints).toEqual(['10.244.1.10']);
		expect(findNode(next, 'n1')?.localEndpoints).toBeNull();
	});

	it('names what the LB probes now: healthCheckNodePort under Local, a TCP connect to the NodePort under Cluster', () => {
		const scene = sceneFromSnapshot(snapshot());
		const message = statistics();
		const local = {
			...message,
			statistics: {
				...message.statistics,
				exact: { ...message.statistics.exact, service: { ...snapshot().simulation.service } },
			},
		};
		const probedLocal = findNode(applyStatistics(scene, local), 'n3');
		expect(probedLocal?.probeTarget).toBe('192.168.0.13:30273/healthz');
		expect(probedLocal?.probeStatus).toBe(503);
		expect(probedLocal?.probeAnswer).toBe('http');
		const cluster = {
			...message,
			statistics: {
				...message.statistics,
				healthChecks: message.statistics.healthChecks.map((row) => ({
					...row, healthCheck: null, lbProbe: { target: `192.168.0.1${row.node.slice(1)}:30080`, status: 0 },
				})),
				exact: {
					...message.statistics.exact,
					service: { ...(message.statistics.exact.service as object), ports: [{ name: 'http', port: 80, targetPort: '8080', nodePort: 30080 }] },
				},
			},
		};
		const next = applyStatistics(scene, cluster);
		// no HTTP status: the outcome of the TCP probe comes with the probe events
		expect(findNode(next, 'n3')?.probeTarget).toBe('192.168.0.13:30080');
		expect(findNode(next, 'n3')?.probeStatus).toBe(0);
		// after Local's HTTP answers, the TCP probe has not run yet: no claim that nothing answered
		const switched = findNode(applyStatistics(applyStatistics(scene, local), cluster), 'n1');
		expect(switched?.probeAnswer).toBe(AWAITING_PROBE);
		expect(answerText(switched?.probeStatus ?? -1, switched?.probeAnswer)).toBe('· awaiting the next probe');
		expect(probeWords(0, AWAITING_PROBE)).toBe('waits for the LB\'s next probe');
	});

	it('shows no probe on a node the load balancer does not probe (MetalLB announces instead)', () => {
		const scene = sceneFromSnapshot(snapshot());
		const message = statistics();
		const metallb = {
			...message,
			statistics: { ...message.statistics, healthChecks: message.statistics.healthChecks.map((row) => ({ ...row, lbProbe: null })) },
		};
		const n3 = findNode(applyStatistics(scene, metallb), 'n3');
		expect(n3?.probeTarget).toBe('');
		expect(n3?.probeAnswer).toBeNull();
		expect(n3?.probeStatus).toBe(0);
	});

	it('ignores statistics of another generation', () => {
		const scene = sceneFromSnapshot(snapshot());
		expect(applyStatistics(scene, statistics(3))).toBe(scene);
	});

	it('takes the clock’s pause and speed, which no event carries, when the message has them', () => {
		const scene = sceneFromSnapshot(snapshot());
		expect(scene.paused).toBe(false);
		expect(scene.speed).toBe(1);
		const paused = applyStatistics(scene, { ...statistics(), paused: true, speed: 5 });
		expect(paused.paused).toBe(true);
		expect(paused.speed).toBe(5);
		const older = applyStatistics(paused, statistics());
		expect(older.paused).toBe(true);
		expect(older.speed).toBe(5);
	});
});
