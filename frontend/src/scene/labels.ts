// The words and symbols for states, shared by the canvas and the tables so that both say the same thing.
import type { PodStatus } from '../protocol/events';
import type { SceneNode } from './scene';

/** The probe answer as the badge shows it: "✓ 200", "✕ 503", "✕ no answer". */
export function answerText(status: number): string {
	if (status === 0) {
		return '✕ no answer';
	}
	return `${status >= 200 && status < 300 ? '✓' : '✕'} ${status}`;
}

export function verdictText(node: Pick<SceneNode, 'verdict'>): string {
	switch (node.verdict) {
		case 'HEALTHY':
			return '✓ LB: healthy';
		case 'UNHEALTHY':
			return '✕ LB: unhealthy';
		case 'INITIAL':
			return '◌ LB: checking';
		default:
			return '– LB: not a target';
	}
}

export const POD_STATES: Record<PodStatus, { symbol: string; label: string }> = {
	READY: { symbol: '●', label: 'ready' },
	STARTING: { symbol: '◐', label: 'starting' },
	NOT_READY: { symbol: '◍', label: 'NotReady (node unreachable)' },
	TERMINATING: { symbol: '◌', label: 'terminating' },
	PENDING: { symbol: '○', label: 'pending' },
};

export function podStateLabel(status: PodStatus): string {
	return `${POD_STATES[status].symbol} ${POD_STATES[status].label}`;
}
