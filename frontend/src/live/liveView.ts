// Renders the live sandbox page: clock, stream status, event log, counts by type and the statistics tables.
import type { EventBatch, HealthCheckRow, ProbeProtocol, SandboxSnapshot, StatisticsMessage } from '../protocol/events';
import { analysedLoadBalancer } from '../scene/balancer';
import { lbShareText } from '../scene/shares';
import { describeEvent, formatSimTime } from './describe';
import { EventLog } from './eventLog';

export class LiveView {
	private readonly log = new EventLog(50);
	private batches = 0;

	constructor(private readonly root: HTMLElement) {}

	status(text: string): void {
		this.text('#stream-status', text);
	}

	snapshot(snapshot: SandboxSnapshot): void {
		this.log.clear();
		this.text('#sim-clock', formatSimTime(snapshot.simulation.now));
		this.showPreset(snapshot.preset);
		this.renderLog();
	}

	batch(batch: EventBatch): void {
		this.batches++;
		this.log.add(batch);
		this.text('#sim-clock', formatSimTime(batch.simTime));
		this.text('#batch-count', String(this.batches));
		if (batch.events.length > 0 || Object.keys(batch.missed).length > 0) {
			this.renderLog();
		}
	}

	statistics(message: StatisticsMessage): void {
		const stats = message.statistics;
		this.text('#stats-since', `Counting since ${formatSimTime(stats.countingSince)}: ${stats.connections} connections, `
			+ `${stats.routed} routed, ${stats.dropped} dropped, ${stats.rejected} rejected.`);
		this.rows('#pod-stats', stats.pods.map((pod) => [pod.pod, pod.node ?? 'pending', pod.exactShare,
			percent(pod.observedShare), String(pod.connections)]));
		const health = new Map(stats.healthChecks.map((row) => [row.node, row]));
		const protocol = analysedLoadBalancer({ statistics: stats })?.probe?.protocol;
		this.rows('#node-stats', stats.nodes.map((node) => [node.node, probeText(health.get(node.node), protocol),
			lbShareText({ now: node.lbShareNow, settled: node.exactLbShare }), percent(node.observedLbShare),
			String(node.dropped), String(node.rejected)]));
	}

	private renderLog(): void {
		const list = this.root.querySelector('#event-log');
		if (list !== null) {
			list.replaceChildren(...this.log.latest().map((event) => {
				const item = list.ownerDocument.createElement('li');
				item.dataset.type = event.type;
				const time = list.ownerDocument.createElement('span');
				time.className = 'mono muted';
				time.textContent = formatSimTime(event.time);
				const type = list.ownerDocument.createElement('strong');
				type.textContent = event.type;
				item.append(time, ' ', type, ' ', describeEvent(event));
				return item;
			}));
		}
		this.rows('#event-counts', this.log.countsByType().map(([type, count]) => [type, String(count)]));
	}

	private showPreset(name: string | null): void {
		const option = name === null ? null
			: this.root.querySelector<HTMLOptionElement>(`select[name="name"] option[value="${CSS.escape(name)}"]`);
		if (option !== null) {
			option.selected = true;
			this.text('[data-preset-title]', option.textContent ?? name ?? '');
			this.text('[data-preset-description]', option.dataset.description ?? '');
		}
	}

	private rows(selector: string, rows: string[][]): void {
		const body = this.root.querySelector(`${selector} tbody`);
		if (body === null) {
			return;
		}
		const doc = body.ownerDocument;
		body.replaceChildren(...rows.map((cells) => {
			const tr = doc.createElement('tr');
			cells.forEach((cell, index) => {
				const td = doc.createElement(index === 0 ? 'th' : 'td');
				if (index === 0) {
					td.setAttribute('scope', 'row');
				}
				td.textContent = cell;
				tr.append(td);
			});
			return tr;
		}));
	}

	private text(selector: string, value: string): void {
		const element = this.root.querySelector(selector);
		if (element !== null) {
			element.textContent = value;
		}
	}
}

export function percent(share: number): string {
	return `${(share * 100).toFixed(1)} %`;
}

/** What the load balancer's probe of a node gets now, as the server says (the LB's own probe, not kube-proxy's ports). */
export function probeText(row: HealthCheckRow | undefined, protocol: ProbeProtocol | undefined): string {
	const probe = row?.lbProbe ?? null;
	if (row === undefined) {
		return '—';
	}
	if (probe === null) {
		return 'not probed';
	}
	if (probe.status !== 0) {
		return `${probe.status} (${probe.target})`;
	}
	return protocol === 'TCP' ? `TCP connect (${probe.target})` : `no answer (${probe.target})`;
}
