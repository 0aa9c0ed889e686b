// The words and symbols for states, shared by the canvas and the tables so that both say the same thing.
import type { PodStatus } from '../protocol/events';
import type { SceneNode } from './scene';

/**
 * A node's probe answer right after the Service's policy changed the probe (Local's HTTP /healthz to Cluster's TCP
 * connect): the last answer belongs to a probe the LB no longer sends, and the new one has not run yet. Only the
 * browser uses it; the stream sends a probe's answer with its event.
 */
export const AWAITING_PROBE = 'awaiting the next probe';

/** Whether the probe passes: an HTTP 2xx (Local's /healthz) or a TCP connection made (Cluster's NodePort). */
export function probeOk(status: number, answer = ''): boolean {
	return status === 0 ? answer === 'connected' : status >= 200 && status < 300;
}

/**
 * The probe answer as the badge shows it: "✓ 200", "✕ 503" for the HTTP probe of healthCheckNodePort (Local);
 * "✓ connected", "✕ refused", "✕ timed out" for the TCP probe of the NodePort (Cluster), which has no HTTP status.
 */
export function answerText(status: number, answer = ''): string {
	if (status !== 0) {
		return `${probeOk(status) ? '✓' : '✕'} ${status}`;
	}
	if (answer === 'connected' || answer === 'refused' || answer === 'timed out') {
		return `${answer === 'connected' ? '✓' : '✕'} ${answer}`;
	}
	return answer === AWAITING_PROBE ? `· ${AWAITING_PROBE}` : '✕ no answer';
}

/** The probe in words: "answers 200", "answers nothing", "connects", "is refused", "times out". */
export function probeWords(status: number, answer = ''): string {
	if (status !== 0) {
		return `answers ${status}`;
	}
	switch (answer) {
		case 'connected':
			return 'connects';
		case 'refused':
			return 'is refused';
		case 'timed out':
			return 'times out';
		case AWAITING_PROBE:
			return 'waits for the LB\'s next probe';
		default:
			return 'answers nothing';
	}
}

export function verdictText(node: Pick<SceneNode, 'verdict'>): string {
	switch (node.verdict) {
		case 'healthy':
			return '✓ LB: healthy';
		case 'unhealthy':
			return '✕ LB: unhealthy';
		case 'initial':
			return '◌ LB: checking';
		case 'draining':
			return '⇥ LB: draining';
		default:
			return '– LB: not a target';
	}
}

export const POD_STATES: Record<PodStatus, { symbol: string; label: string }> = {
	ready: { symbol: '●', label: 'ready' },
	starting: { symbol: '◐', label: 'starting' },
	'not-ready': { symbol: '◍', label: 'NotReady (node unreachable)' },
	terminating: { symbol: '◌', label: 'terminating' },
	pending: { symbol: '○', label: 'pending' },
};

export function podStateLabel(status: PodStatus): string {
	return `${POD_STATES[status].symbol} ${POD_STATES[status].label}`;
}
