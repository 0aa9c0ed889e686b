// The words and symbols for states, shared by the canvas and the tables so that both say the same thing.
import type { PodState, PodStatus, ProbeAnswer } from '../protocol/events';
import { AWAITING_PROBE, type SceneNode, type SceneProbeAnswer } from './scene';

export { AWAITING_PROBE };

/** The TCP probe's answers in words; the HTTP probe's answer is its status. */
const TCP_WORDS: Readonly<Partial<Record<ProbeAnswer, string>>> = {
	connected: 'connected', refused: 'refused', 'timed-out': 'timed out',
};

/** Whether the probe passes: an HTTP 2xx (Local's /healthz) or a TCP connection made (Cluster's NodePort). */
export function probeOk(status: number, answer: SceneProbeAnswer = null): boolean {
	return status === 0 ? answer === 'connected' : status >= 200 && status < 300;
}

/** A probe's answer as the LB's log says it: "HTTP 200", "connected", "refused", "timed out", "no answer". */
export function answerWords(status: number, answer: ProbeAnswer): string {
	return status !== 0 ? `HTTP ${status}` : TCP_WORDS[answer] ?? 'no answer';
}

/**
 * The probe answer as the badge shows it: "✓ 200", "✕ 503" for the HTTP probe of healthCheckNodePort (Local);
 * "✓ connected", "✕ refused", "✕ timed out" for the TCP probe of the NodePort (Cluster), which has no HTTP status.
 */
export function answerText(status: number, answer: SceneProbeAnswer = null): string {
	if (status !== 0) {
		return `${probeOk(status) ? '✓' : '✕'} ${status}`;
	}
	if (answer === AWAITING_PROBE) {
		return `· ${AWAITING_PROBE}`;
	}
	const words = answer === null ? undefined : TCP_WORDS[answer];
	return words === undefined ? '✕ no answer' : `${answer === 'connected' ? '✓' : '✕'} ${words}`;
}

/** The probe in words: "answers 200", "answers nothing", "connects", "is refused", "times out". */
export function probeWords(status: number, answer: SceneProbeAnswer = null): string {
	if (status !== 0) {
		return `answers ${status}`;
	}
	switch (answer) {
		case 'connected':
			return 'connects';
		case 'refused':
			return 'is refused';
		case 'timed-out':
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

/**
 * How a pod looks: its status, or 'not-serving' for a terminating pod whose endpoint no longer serves (its app has
 * exited, or it was never Ready) while another container or kubelet has not removed it yet.
 */
export type PodLook = PodStatus | 'not-serving';

export const POD_STATES: Record<PodLook, { symbol: string; label: string }> = {
	ready: { symbol: '●', label: 'ready' },
	starting: { symbol: '◐', label: 'starting' },
	'not-ready': { symbol: '◍', label: 'NotReady (node unreachable)' },
	terminating: { symbol: '◌', label: 'terminating' },
	'not-serving': { symbol: '⊘', label: 'terminating, not serving' },
	pending: { symbol: '○', label: 'pending' },
};

export function podLook(pod: Pick<PodState, 'status' | 'serving'>): PodLook {
	return pod.status === 'terminating' && !pod.serving ? 'not-serving' : pod.status;
}

export function podStateLabel(status: PodLook): string {
	return `${POD_STATES[status].symbol} ${POD_STATES[status].label}`;
}

function seconds(micros: number): string {
	return `${(micros / 1_000_000).toFixed(1)} s`;
}

/**
 * A pod's state in words with when a terminating one stops serving: "◌ terminating, serves until 40.0 s",
 * "⊘ terminating, not serving (its app exited at 40.0 s)".
 */
export function podStateText(pod: Pick<PodState, 'status' | 'serving' | 'stopsServingAt'>): string {
	const look = podLook(pod);
	const label = podStateLabel(look);
	if (pod.stopsServingAt < 0) {
		return label;
	}
	if (look === 'terminating') {
		return `${label}, serves until ${seconds(pod.stopsServingAt)}`;
	}
	return look === 'not-serving' ? `${label} (its app exited at ${seconds(pod.stopsServingAt)})` : label;
}
