// The statistics message: the newest exact and observed figures for this generation; they also carry the live
// health answers, the Service, the endpoint sets and the clock's pause and speed.
import type { LbProbe, StatisticsMessage } from '../../protocol/events';
import { AWAITING_PROBE } from '../labels';
import type { Scene, SceneNode } from '../scene';
import { readService } from '../service';

export function applyStatistics(scene: Scene, message: StatisticsMessage): Scene {
	if (message.generation !== scene.generation) {
		return scene;
	}
	const stats = message.statistics;
	const service = stats.exact.service === undefined ? scene.service : readService(stats.exact.service);
	const health = new Map(stats.healthChecks.map((row) => [row.node, row]));
	const exactNodes = new Map(exactNodeSets(stats.exact).map((row) => [row.name, row]));
	const nodes = scene.nodes.map((node) => {
		const row = health.get(node.name);
		const sets = exactNodes.get(node.name);
		if (row === undefined && sets === undefined) {
			return node;
		}
		return {
			...node,
			...(node.gone || row === undefined ? {} : probeNow(node, row.lbProbe)),
			clusterEndpoints: node.clusterEndpoints === undefined ? sets?.clusterEndpoints : node.clusterEndpoints,
			localEndpoints: node.localEndpoints === undefined ? sets?.localEndpoints : node.localEndpoints,
		};
	});
	// The clock's pause and speed come with the statistics too: a view that sent no command (a room's) learns them here
	return { ...scene, statistics: stats, nodes, service, announcingNode: stats.announcingNode ?? null,
		advertisingNodes: stats.advertisingNodes ?? [], paused: message.paused ?? scene.paused,
		pausedAt: message.paused === false ? null : scene.pausedAt, speed: message.speed ?? scene.speed };
}

/**
 * What the server says the load balancer probes on the node now. An HTTP probe's status comes with the statistics; a
 * TCP probe's outcome comes with the probe events, so a probe that has just changed (Local's HTTP probe to Cluster's
 * TCP probe) is awaited rather than shown as failing or with the old probe's outcome. Nothing probes the node without a cloud LB, or under MetalLB.
 */
function probeNow(node: SceneNode, probe: LbProbe | null): Pick<SceneNode, 'probeTarget' | 'probeStatus' | 'probeAnswer'> {
	if (probe === null) {
		return { probeTarget: '', probeStatus: 0, probeAnswer: null };
	}
	if (probe.status !== 0) {
		return { probeTarget: probe.target, probeStatus: probe.status, probeAnswer: 'http' };
	}
	const changed = node.probeStatus !== 0 || node.probeTarget !== probe.target;
	return { probeTarget: probe.target, probeStatus: 0, probeAnswer: changed ? AWAITING_PROBE : node.probeAnswer };
}

interface ExactNodeSets {
	name: string;
	clusterEndpoints: string[] | null;
	localEndpoints: string[] | null;
}

function exactNodeSets(exact: Record<string, unknown>): ExactNodeSets[] {
	const nodes = exact.nodes;
	if (!Array.isArray(nodes)) {
		return [];
	}
	return nodes.flatMap((value: unknown) => {
		if (typeof value !== 'object' || value === null) {
			return [];
		}
		const row = value as Record<string, unknown>;
		return typeof row.name === 'string'
			? [{ name: row.name, clusterEndpoints: ipList(row.clusterEndpoints), localEndpoints: ipList(row.localEndpoints) }]
			: [];
	});
}

function ipList(value: unknown): string[] | null {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;
}
