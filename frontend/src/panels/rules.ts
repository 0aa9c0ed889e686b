// The Rules panel's logic (pure): what a node's kube-proxy programmed as of its last sync, which lines changed since
// the learner last looked, which lines the selected packet matched, and when to fetch the rules again.
import type { SimulationEvent } from '../protocol/events';
import type { ConnectionRecord } from '../scene/scene';

export type ProxyMode = 'iptables' | 'nftables';

export const RULES_MODES: readonly ProxyMode[] = ['iptables', 'nftables'];

/** The event a lesson's answered question (showRules) dispatches on the document; every Rules panel follows it. */
export const SHOW_RULES_EVENT = 'trafficlab:show-rules';

export interface ShowRulesDetail {
	node: string;
	mode: string;
}

/** A rule a packet matched: its chain, and the rule as the text spells it. */
export interface MatchedRule {
	chain: string;
	rule: string;
}

/** GET .../rules: a node's rules as of its last sync. */
export interface NodeRulesJson {
	mode: ProxyMode;
	node: string;
	generation: number;
	syncedAt: number;
	chains: { table: string; name: string; rules: string[] }[];
	text: string;
}

/** GET .../rules/path: a routed connection's first packet through its entry node's rules. */
export interface RulesPathJson {
	verdict: string;
	dnatTo: string | null;
	masquerade: boolean;
	rules: MatchedRule[];
}

/** Which rules the panel shows. */
export interface RulesChoice {
	node: string;
	mode: ProxyMode;
	/** Every Service's chains, not only the followed Service's. */
	all: boolean;
}

/** The connection whose path the panel highlights: where it entered, from whom, to which pod. */
export interface PathTarget {
	connection: number;
	node: string;
	clientIp: string;
	podIp: string;
}

export function rulesUrl(api: string, choice: RulesChoice): string {
	const query = new URLSearchParams({ node: choice.node, mode: choice.mode, scope: choice.all ? 'all' : 'service' });
	return `${api}/rules?${query.toString()}`;
}

export function pathUrl(api: string, target: PathTarget, mode: ProxyMode): string {
	const query = new URLSearchParams({ node: target.node, clientIp: target.clientIp, podIp: target.podIp, mode });
	return `${api}/rules/path?${query.toString()}`;
}

/** The text's lines as the panel shows them (no empty line after the last). */
export function ruleLines(text: string): string[] {
	const lines = text.replace(/\n+$/, '').split('\n');
	return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/**
 * The indexes of lines in {@code next} that the learner has not seen: not in {@code previous} (as many times). None
 * when there is nothing to compare with.
 */
export function changedRuleLines(previous: readonly string[] | null, next: readonly string[]): number[] {
	if (previous === null) {
		return [];
	}
	const seen = new Map<string, number>();
	for (const line of previous) {
		seen.set(line, (seen.get(line) ?? 0) + 1);
	}
	const changed: number[] = [];
	next.forEach((line, index) => {
		const left = seen.get(line) ?? 0;
		if (left > 0) {
			seen.set(line, left - 1);
		}
		else {
			changed.push(index);
		}
	});
	return changed;
}

/**
 * The indexes of the lines the packet matched: each matched rule is the first line at or after the previous match
 * that spells it (a walk jumps back to a chain already seen only through RETURN, so the search restarts from the top
 * when nothing follows).
 */
export function pathLines(lines: readonly string[], matched: readonly MatchedRule[]): number[] {
	const found: number[] = [];
	let from = 0;
	for (const rule of matched) {
		let index = lines.indexOf(rule.rule, from);
		if (index < 0) {
			index = lines.indexOf(rule.rule);
		}
		if (index >= 0) {
			found.push(index);
			from = index + 1;
		}
	}
	return [...new Set(found)].sort((a, b) => a - b);
}

/**
 * Whether a batch can have changed what the panel shows: the node's kube-proxy synced, or the Service changed (its
 * rules follow at the next sync, which is what the learner waits for; the fetch costs nothing meanwhile).
 */
export function needsRefetch(events: readonly SimulationEvent[], node: string): boolean {
	return events.some((event) => (event.type === 'ProxyRulesSynced' && event.node === node)
		|| event.type === 'ServiceUpdated');
}

/**
 * The connection a packet belongs to, as the path endpoint needs it; null unless kube-proxy on its entry node DNATed
 * it to a pod (a pod-target load balancer sends straight to the pod, past every rule).
 */
export function pathTarget(connection: number, record: ConnectionRecord | undefined): PathTarget | null {
	const event = record?.event;
	if (event === undefined || event.type !== 'ConnectionRouted') {
		return null;
	}
	const dnat = event.hops.some((hop) => hop.at === event.entryNode && hop.direction === 'request'
		&& hop.dstAfter !== hop.dstBefore);
	return dnat ? { connection, node: event.entryNode, clientIp: event.clientIp, podIp: event.podIp } : null;
}

/** The status line under the controls. */
export function rulesStatus(rules: NodeRulesJson, changed: number, path: { connection: number; lines: number } | null): string {
	const when = `${(rules.syncedAt / 1_000_000).toFixed(1)} s`;
	const parts = [`${rules.mode} rules on ${rules.node} as of its last kube-proxy sync (${when}).`];
	if (changed > 0) {
		parts.push(`${changed} ${changed === 1 ? 'line' : 'lines'} changed since you last looked (marked ±).`);
	}
	if (path !== null) {
		parts.push(`Packet #${path.connection} matched ${path.lines} ${path.lines === 1 ? 'rule' : 'rules'} here (marked ▶).`);
	}
	return parts.join(' ');
}
