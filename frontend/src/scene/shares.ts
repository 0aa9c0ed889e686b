// The exact shares of new connections the server's statistics give: a pod's, and a node's from the load balancer
// ("1/6"; null before the first statistics).
import type { Scene } from './scene';

export function podShare(scene: Pick<Scene, 'statistics'>, pod: string): string | null {
	return scene.statistics?.pods.find((row) => row.pod === pod)?.exactShare ?? null;
}

export function nodeLbShare(scene: Pick<Scene, 'statistics'>, node: string): string | null {
	return scene.statistics?.nodes.find((row) => row.node === node)?.exactLbShare ?? null;
}
