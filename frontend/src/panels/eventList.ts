// The event list: the newest events in plain words, filtered, each connection a button that opens the inspector. It
// stands still while the pointer or the focus is in it, so a row can be clicked while traffic flows.
import { describeEvent, formatSimTime } from '../live/describe';
import type { SimulationEvent } from '../protocol/events';
import type { ListedEvent } from '../scene/scene';
import { h, setText, syncKeyed } from './dom';

export type EventFilter = 'all' | 'connections' | 'problems' | 'cluster';

const CONNECTIONS = new Set(['ConnectionRouted', 'ConnectionDropped', 'ConnectionRejected', 'ConnectionReset']);
const PROBLEMS = new Set(['ConnectionDropped', 'ConnectionRejected', 'ConnectionReset', 'NodeRemoved', 'NodeDied', 'NodeNotReady', 'PodEvicted', 'LoadBalancerTargetChanged']);

export function matches(event: SimulationEvent, filter: EventFilter): boolean {
	switch (filter) {
		case 'all':
			return true;
		case 'connections':
			return CONNECTIONS.has(event.type);
		case 'problems':
			return PROBLEMS.has(event.type) || (event.type === 'ProbeAnswered' && !event.passed);
		case 'cluster':
			return !CONNECTIONS.has(event.type);
	}
}

export function filterEvents(recent: readonly ListedEvent[], filter: EventFilter, limit = 40): ListedEvent[] {
	return recent.filter((item) => matches(item.event, filter)).slice(0, limit);
}

export function connectionOf(event: SimulationEvent): number | null {
	return event.type === 'ConnectionRouted' || event.type === 'ConnectionDropped' || event.type === 'ConnectionRejected'
		? event.connection
		: null;
}

export class EventListPanel {
	private filter: EventFilter = 'all';

	constructor(private readonly list: HTMLElement, filterSelect: HTMLSelectElement | null,
		private readonly onInspect: (connection: number) => void) {
		filterSelect?.addEventListener('change', () => {
			this.filter = filterSelect.value as EventFilter;
		});
		list.addEventListener('click', (event) => {
			const button = (event.target as Element).closest<HTMLElement>('button[data-connection]');
			if (button !== null) {
				this.onInspect(Number(button.dataset.connection));
			}
		});
	}

	/** Whether the learner is reading or clicking the list: then it does not move. */
	get held(): boolean {
		return this.list.matches(':hover') || this.list.matches(':focus-within');
	}

	render(recent: readonly ListedEvent[]): void {
		if (this.held) {
			return;
		}
		const doc = this.list.ownerDocument;
		syncKeyed(this.list, filterEvents(recent, this.filter), (item) => String(item.key), (item) => {
			const connection = connectionOf(item.event);
			const time = h(doc, 'span', { class: 'mono muted event-time', text: formatSimTime(item.event.time) });
			const type = h(doc, 'strong', { class: 'event-type', text: item.event.type });
			const text = h(doc, 'span', { class: 'event-text', text: describeEvent(item.event) });
			const body = connection === null
				? h(doc, 'span', { class: 'event-row' }, time, ' ', type, ' ', text)
				// The name is the row's own text after a hidden "Inspect connection N:", so what a speech-input user
				// reads on screen is part of the button's name (WCAG 2.5.3, axe's label-content-name-mismatch)
				: h(doc, 'button', { type: 'button', class: 'event-row event-row--button', 'data-connection': String(connection) },
					h(doc, 'span', { class: 'visually-hidden', text: `Inspect connection ${connection}: ` }), time, ' ', type, ' ', text);
			return h(doc, 'li', { 'data-type': item.event.type }, body);
		}, (li, item) => setText(li.querySelector('.event-time'), formatSimTime(item.event.time)));
	}
}
