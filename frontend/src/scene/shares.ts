// The exact shares of new connections the server's statistics give: a pod's, and a node's from the load balancer
// ("1/6"; null before the first statistics).
import type { TargetState } from '../protocol/events';
import type { Scene } from './scene';

export function podShare(scene: Pick<Scene, 'statistics'>, pod: string): string | null {
	return scene.statistics?.pods.find((row) => row.pod === pod)?.exactShare ?? null;
}

/** A node's share from the load balancer: what it sends now, and what it will once it catches up with a change. */
export function nodeLbShare(scene: Pick<Scene, 'statistics'>, node: string): { now: string; settled: string } | null {
	const row = scene.statistics?.nodes.find((candidate) => candidate.node === node);
	return row === undefined ? null : { now: row.lbShareNow, settled: row.exactLbShare };
}

/** "1/3", or "1/2 → 1/3" while the load balancer has not caught up with a change. */
export function lbShareText(share: { now: string; settled: string }): string {
	return share.now === share.settled ? share.now : `${share.now} → ${share.settled}`;
}

/**
 * The pods in the load balancer's target group (an NLB with ip targets), with its verdict on each, as the server's
 * statistics say; draining ones get no new connections. Empty for a load balancer that targets nodes.
 */
export function podTargets(scene: Pick<Scene, 'statistics'>): { pod: string; verdict: TargetState }[] {
	return (scene.statistics?.pods ?? []).flatMap((row) => row.lbTarget === null || row.lbTarget === 'draining' ? []
		: [{ pod: row.pod, verdict: row.lbTarget }]);
}
