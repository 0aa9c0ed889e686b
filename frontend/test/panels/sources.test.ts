import { describe, expect, it } from 'vitest';
import { networkNote, sourceRows } from '../../src/panels/sources';
import { applyStatistics } from '../../src/scene/applyEvent';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { CLIENT, snapshot, statistics } from '../scene/fixtures';

describe('sourceRows', () => {
	const scene = sceneFromSnapshot(snapshot());

	it('names each address as the statistics do: the client’s, kept under Local', () => {
		const [row] = sourceRows(applyStatistics(scene, statistics()));
		expect(row.seen).toBe('client');
		expect(row.summary).toBe('✓ the client’s own address');
		expect(row.lines).toEqual([{
			address: CLIENT, source: { address: CLIENT, kind: 'client', node: null }, exact: '1/2', observed: '50.0 % (6)',
		}]);
	});

	it('names the SNAT addresses by the node the server says they belong to, not by their subnet', () => {
		const message = statistics();
		const pod = {
			...message.statistics.pods[0],
			exactSourcesSeen: { '192.168.0.11': '1/6', '10.244.2.1': '1/6', '192.168.0.13': '1/6' },
			sourcesSeen: { '10.244.2.1': 4, '192.168.0.11': 2 },
			sources: [
				{ address: '192.168.0.11', kind: 'internal-ip' as const, node: 'n1' },
				{ address: '10.244.2.1', kind: 'pod-gateway' as const, node: 'n2' },
				{ address: '192.168.0.13', kind: 'internal-ip' as const, node: 'n3' },
			],
		};
		const [row] = sourceRows(applyStatistics(scene, { ...message, statistics: { ...message.statistics, pods: [pod] } }));
		expect(row.seen).toBe('node');
		expect(row.summary).toBe('↺ node addresses (SNAT)');
		expect(row.lines.map((line) => [line.address, line.source.kind, line.source.node, line.exact, line.observed]))
			.toEqual([
				['10.244.2.1', 'pod-gateway', 'n2', '1/6', '33.3 % (4)'],
				['192.168.0.11', 'internal-ip', 'n1', '1/6', '16.7 % (2)'],
				['192.168.0.13', 'internal-ip', 'n3', '1/6', null],
			]);
	});

	it('tells a pod that sees clients and nodes (a policy change settling) as mixed', () => {
		const message = statistics();
		const pod = {
			...message.statistics.pods[0],
			exactSourcesSeen: {},
			sourcesSeen: { [CLIENT]: 3, '192.168.0.13': 3 },
			sources: [
				{ address: CLIENT, kind: 'client' as const, node: null },
				{ address: '192.168.0.13', kind: 'internal-ip' as const, node: 'n3' },
			],
		};
		const [row] = sourceRows(applyStatistics(scene, { ...message, statistics: { ...message.statistics, pods: [pod] } }));
		expect(row.seen).toBe('mixed');
	});

	it('tells a pod that sees only an address of no client and no node (an NLB\'s own, ip targets) as other', () => {
		const message = statistics();
		const pod = {
			...message.statistics.pods[0],
			exactSourcesSeen: { '10.0.1.57': '1/4' },
			sourcesSeen: {},
			sources: [{ address: '10.0.1.57', kind: 'other' as const, node: null }],
		};
		const [row] = sourceRows(applyStatistics(scene, { ...message, statistics: { ...message.statistics, pods: [pod] } }));
		expect(row.seen).toBe('other');
		expect(row.summary).toBe('◇ neither a client’s nor a node’s address');
	});
});

describe('networkNote', () => {
	it('names the pod network and the address it gives', () => {
		expect(networkNote('bridge')).toContain('bridge with host routes');
		expect(networkNote('overlay')).toContain('flannel.1');
		expect(networkNote('vpc')).toContain('InternalIP, on that node too');
	});

	it('reads the network from the snapshot, bridge when an older one has none', () => {
		expect(sceneFromSnapshot(snapshot()).network).toBe('bridge');
	});
});
