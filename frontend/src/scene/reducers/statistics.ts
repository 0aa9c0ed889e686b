// The statistics message: the newest exact and observed figures for this generation; they also carry the live
// health answers, the Service, the endpoint sets and the clock's pause and speed.
import type { StatisticsMessage } from '../../protocol/events';
import { AWAITING_PROBE } from '../labels';
import type { Scene } from '../scene';
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
		// The AWS NLB probes healthCheckNodePort's /healthz under Local (its answer is in the statistics) and opens a
		// TCP connection to the NodePort under Cluster (its outcome comes with the probe events and snapshots)
		const http = row?.healthCheck != null && service.healthCheckNodePort > 0 ? row.healthCheck : null;
		const nodePort = service.ports[0]?.nodePort ?? null;
		const target = http !== null ? `${node.internalIp}:${service.healthCheckNodePort}/healthz`
			: row !== undefined && nodePort !== null ? `${node.internalIp}:${nodePort}` : node.probeTarget;
		return {
			...node,
			probeTarget: node.gone ? node.probeTarget : target,
			probeStatus: node.gone ? 0 : http?.status ?? (row === undefined ? node.probeStatus : 0),
			probeAnswer: node.gone ? node.probeAnswer : http !== null ? 'http'
				// the probe changed from HTTP to TCP: its first answer comes with the next probe event
				: node.probeStatus !== 0 && row !== undefined ? AWAITING_PROBE : node.probeAnswer,
			clusterEndpoints: node.clusterEndpoints === undefined ? sets?.clusterEndpoints : node.clusterEndpoints,
			localEndpoints: node.localEndpoints === undefined ? sets?.localEndpoints : node.localEndpoints,
		};
	});
	// The clock's pause and speed come with the statistics too: a view that sent no command (a room's) learns them here
	return { ...scene, statistics: stats, nodes, service, announcingNode: stats.announcingNode ?? null, paused: message.paused ?? scene.paused,
		pausedAt: message.paused === false ? null : scene.pausedAt, speed: message.speed ?? scene.speed };
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
