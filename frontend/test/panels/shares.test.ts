import { describe, expect, it } from 'vitest';
import { nodeShareRows } from '../../src/panels/shares';
import { lbSendsTo } from '../../src/render/draw/structure';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { lbShareText, nodeLbShare, podTargets } from '../../src/scene/shares';
import { snapshot, statistics } from '../scene/fixtures';

/** The scene right after Local turned Cluster on 3/1/0: the NLB has not yet counted n3's three passing probes. */
function lagging() {
	const message = statistics();
	const row = (node: string, now: string) => ({
		node, exactLbShare: '1/3', lbShareNow: now, observedLbShare: 0, entered: 0, served: 0, dropped: 0, rejected: 0,
	});
	message.statistics.nodes = [row('n1', '1/2'), row('n2', '1/2'), row('n3', '0')];
	return { ...sceneFromSnapshot(snapshot()), statistics: message.statistics };
}

describe('a node\'s share from the load balancer', () => {
	it('is what the LB sends now, then what it will send once its checks settle', () => {
		const scene = lagging();
		expect(nodeLbShare(scene, 'n3')).toEqual({ now: '0', settled: '1/3' });
		expect(lbShareText({ now: '0', settled: '1/3' })).toBe('0 → 1/3');
		expect(lbShareText({ now: '1/3', settled: '1/3' })).toBe('1/3');
		expect(nodeLbShare({ statistics: null }, 'n3')).toBeNull();
	});

	it('says in the node table that the LB sends another share now, only while it does', () => {
		const rows = nodeShareRows(lagging());
		expect(rows.find((row) => row.key === 'n1')?.detail).toBe('192.168.0.11 · the LB sends 1/2 now, until it catches up with the change');
		expect(rows.find((row) => row.key === 'n1')?.exact).toBe('1/3');
		const settled = lagging();
		settled.statistics.nodes = settled.statistics.nodes.map((row) => ({ ...row, lbShareNow: row.exactLbShare }));
		expect(nodeShareRows(settled).find((row) => row.key === 'n1')?.detail).toBe('192.168.0.11');
	});
});

describe('whether the canvas draws the LB sending to a node', () => {
	it('follows the server’s share now, so a failing node still gets connections while the LB fails open', () => {
		const scene = lagging();
		const failing = scene.nodes.map((node) => ({ ...node, verdict: 'unhealthy' as const }));
		scene.statistics.nodes = scene.statistics.nodes.map((row) => ({ ...row, lbShareNow: '1/3' }));
		expect(failing.map((node) => lbSendsTo({ ...scene, nodes: failing }, node))).toEqual([true, true, true]);
		// Azure sends nothing when every probe is down: the server's share now is 0
		scene.statistics.nodes = scene.statistics.nodes.map((row) => ({ ...row, lbShareNow: '0', exactLbShare: '0' }));
		expect(failing.map((node) => lbSendsTo({ ...scene, nodes: failing }, node))).toEqual([false, false, false]);
	});

	it('reads the nodes’ verdicts before the first statistics', () => {
		const scene = sceneFromSnapshot(snapshot());
		expect(scene.nodes.map((node) => lbSendsTo(scene, node))).toEqual(scene.nodes.map((node) => node.verdict === 'healthy'));
	});
});

describe("the pods in an NLB's target group (ip targets)", () => {
	it('are the pods the server says the LB targets, draining ones left out', () => {
		const message = statistics();
		const [pod] = message.statistics.pods;
		message.statistics.pods = [
			{ ...pod, pod: 'web-1', lbTarget: 'healthy' },
			{ ...pod, pod: 'web-2', lbTarget: 'initial' },
			{ ...pod, pod: 'web-3', lbTarget: 'draining' },
			// Ready, but not (or no longer) registered: the server decides, not the pod's status
			{ ...pod, pod: 'web-4', lbTarget: null },
		];
		expect(podTargets(message)).toEqual([{ pod: 'web-1', verdict: 'healthy' }, { pod: 'web-2', verdict: 'initial' }]);
		expect(podTargets({ statistics: null })).toEqual([]);
	});
});
