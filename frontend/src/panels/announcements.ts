// What the ARIA live region says when the picture changes in a way that matters: the exact shares, a node's health
// answer, the load balancer's verdict, the policy. Pure: the previous and the next scene in, sentences out.
import type { Scene } from '../scene/scene';
import { probeWords } from '../scene/labels';

const MAX_PODS_NAMED = 8;

function exactShares(scene: Scene): Map<string, string> {
	return new Map((scene.statistics?.pods ?? []).map((pod) => [pod.pod, pod.exactShare]));
}

function sharesChanged(before: Map<string, string>, after: Map<string, string>): boolean {
	if (before.size !== after.size) {
		return true;
	}
	for (const [pod, share] of after) {
		if (before.get(pod) !== share) {
			return true;
		}
	}
	return false;
}

function verdictWords(verdict: string | null): string {
	switch (verdict) {
		case 'healthy':
			return 'healthy: it sends new connections there';
		case 'unhealthy':
			return 'unhealthy: it sends no new connections there';
		case 'initial':
			return 'not yet checked';
		case 'draining':
			return 'draining: deregistered, it sends no new connections there and lets established ones finish';
		default:
			return 'no longer a target';
	}
}

export function announcements(previous: Scene | null, next: Scene): string[] {
	if (previous === null || previous.sandboxId !== next.sandboxId) {
		return [];
	}
	if (previous.generation !== next.generation) {
		return [`A new simulation started${next.preset === null ? '' : ` from the preset ${next.preset}`}.`];
	}
	const said: string[] = [];
	if (previous.service.externalTrafficPolicy !== next.service.externalTrafficPolicy) {
		said.push(`externalTrafficPolicy is now ${next.service.externalTrafficPolicy ?? 'unset'}.`);
	}
	for (const node of next.nodes) {
		const before = previous.nodes.find((n) => n.name === node.name);
		if (before === undefined) {
			continue;
		}
		if (before.probeStatus !== node.probeStatus || before.probeAnswer !== node.probeAnswer) {
			said.push(`${node.name}'s health check now ${probeWords(node.probeStatus, node.probeAnswer)}.`);
		}
		if (before.verdict !== node.verdict) {
			said.push(`The load balancer now counts ${node.name} as ${verdictWords(node.verdict)}.`);
		}
	}
	const before = exactShares(previous);
	const after = exactShares(next);
	if (previous.statistics !== null && next.statistics !== null && sharesChanged(before, after)) {
		const named = [...after].slice(0, MAX_PODS_NAMED).map(([pod, share]) => `${pod} ${share}`);
		const more = after.size > MAX_PODS_NAMED ? ` and ${after.size - MAX_PODS_NAMED} more` : '';
		said.push(after.size === 0 ? 'No pod receives new connections now.' : `Exact shares now: ${named.join(', ')}${more}.`);
	}
	return said;
}
