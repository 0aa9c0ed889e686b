import { describe, expect, it } from 'vitest';
import {
	changedRuleLines, needsRefetch, pathLines, pathTarget, pathUrl, ruleLines, rulesStatus, rulesUrl,
} from '../../src/panels/rules';
import { applyEvent } from '../../src/scene/applyEvent';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { droppedAtN3, routedViaN3, snapshot } from '../scene/fixtures';

const BEFORE = [
	'*nat',
	':KUBE-SEP-AAAAAAAAAAAAAAAA - [0:0]',
	'-A KUBE-SVL-X -m comment --comment "default/web:http -> 10.244.1.10:8080" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-AAAAAAAAAAAAAAAA',
	'-A KUBE-SVL-X -m comment --comment "default/web:http -> 10.244.1.11:8080" -j KUBE-SEP-BBBBBBBBBBBBBBBB',
	'COMMIT',
];

describe('changedRuleLines', () => {
	it('marks nothing on the first view', () => {
		expect(changedRuleLines(null, BEFORE)).toEqual([]);
	});

	it('marks exactly the lines the learner has not seen: a moved endpoint and the probability it changes', () => {
		const after = [
			'*nat',
			':KUBE-SEP-CCCCCCCCCCCCCCCC - [0:0]',
			'-A KUBE-SVL-X -m comment --comment "default/web:http -> 10.244.1.11:8080" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-BBBBBBBBBBBBBBBB',
			'-A KUBE-SVL-X -m comment --comment "default/web:http -> 10.244.3.10:8080" -j KUBE-SEP-CCCCCCCCCCCCCCCC',
			'COMMIT',
		];
		expect(changedRuleLines(BEFORE, after)).toEqual([1, 2, 3]);
	});

	it('counts repeated lines: a second copy of a seen line is new', () => {
		expect(changedRuleLines(['COMMIT'], ['COMMIT', 'COMMIT'])).toEqual([1]);
	});
});

describe('pathLines', () => {
	it('finds each matched rule in order, once', () => {
		const matched = [
			{ chain: 'KUBE-SVL-X', rule: BEFORE[2] },
			{ chain: 'KUBE-SEP-AAAAAAAAAAAAAAAA', rule: 'not in this text' },
		];
		expect(pathLines(BEFORE, matched)).toEqual([2]);
	});

	it('looks back to the top for a rule before the previous match (a chain the walk returned to)', () => {
		const lines = ['a', 'b', 'c'];
		expect(pathLines(lines, [{ chain: 'X', rule: 'c' }, { chain: 'Y', rule: 'a' }])).toEqual([0, 2]);
	});
});

describe('ruleLines', () => {
	it('drops the trailing newline and gives nothing for an empty text', () => {
		expect(ruleLines('a\nb\n')).toEqual(['a', 'b']);
		expect(ruleLines('')).toEqual([]);
	});
});

describe('needsRefetch', () => {
	it('fetches again when the shown node syncs or the Service changes, not for another node', () => {
		const synced = (node: string) => ({ type: 'ProxyRulesSynced' as const, time: 1, node, clusterEndpoints: null, localEndpoints: null });
		expect(needsRefetch([synced('n1')], 'n1')).toBe(true);
		expect(needsRefetch([synced('n2')], 'n1')).toBe(false);
		expect(needsRefetch([{ type: 'ServiceUpdated', time: 1, field: 'externalTrafficPolicy', from: 'Local', to: 'Cluster',
			healthCheckNodePort: 0, serviceYaml: '' } as never], 'n1')).toBe(true);
	});
});

describe('pathTarget', () => {
	const scene = applyEvent(applyEvent(sceneFromSnapshot(snapshot()), routedViaN3(9, 1_000_000)), droppedAtN3(10, 1_000_100));

	it('names the entry node, the client and the pod of a routed connection', () => {
		expect(pathTarget(9, scene.connections.get(9))).toEqual({ connection: 9, node: 'n3', clientIp: '203.0.113.10', podIp: '10.244.2.10' });
	});

	it('gives nothing for a dropped or unknown connection', () => {
		expect(pathTarget(10, scene.connections.get(10))).toBeNull();
		expect(pathTarget(11, undefined)).toBeNull();
	});
});

describe('urls and status', () => {
	it('asks for the node, mode and scope, and for the path with the connection', () => {
		expect(rulesUrl('/api/v1/sandboxes/s1', { node: 'n1', mode: 'nftables', all: true }))
			.toBe('/api/v1/sandboxes/s1/rules?node=n1&mode=nftables&scope=all');
		expect(pathUrl('/api/v1/sandboxes/s1', { connection: 9, node: 'n3', clientIp: '203.0.113.10', podIp: '10.244.2.10' }, 'iptables'))
			.toBe('/api/v1/sandboxes/s1/rules/path?node=n3&clientIp=203.0.113.10&podIp=10.244.2.10&mode=iptables');
	});

	it('says when the node synced, what changed and what the packet matched', () => {
		const rules = { mode: 'iptables' as const, node: 'n3', generation: 4, syncedAt: 12_300_000, chains: [], text: '' };
		expect(rulesStatus(rules, 2, { connection: 9, lines: 1 })).toBe('iptables rules on n3 as of its last kube-proxy sync '
			+ '(12.3 s). 2 lines changed since you last looked (marked ±). Packet #9 matched 1 rule here (marked ▶).');
	});
});
