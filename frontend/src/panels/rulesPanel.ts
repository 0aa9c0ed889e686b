// The Rules panel: a node's kube-proxy rules as of its last sync (iptables or nftables, this Service or all), the lines
// changed since the learner last looked, and the lines the selected packet matched. Fetched from the sandbox API.
import { h, setText } from './dom';
import {
	changedRuleLines, needsRefetch, pathLines, pathUrl, ruleLines, rulesStatus, rulesUrl,
	type MatchedRule, type NodeRulesJson, type PathTarget, type RulesChoice, type ProxyMode, type RulesPathJson,
} from './rules';
import type { SimulationEvent } from '../protocol/events';
import { RULES_MODES, SHOW_RULES_EVENT, type ShowRulesDetail } from './rules';

/** What the inspector lists for the selected packet: the rules it matched on its entry node. */
export interface PathRules {
	connection: number;
	node: string;
	mode: ProxyMode;
	rules: MatchedRule[];
}

export class RulesPanel {
	private choice: RulesChoice | null = null;
	private lines: string[] = [];
	private rules: NodeRulesJson | null = null;
	/** What the learner last saw, per node, mode and scope: the base of the change marks. */
	private readonly seen = new Map<string, string[]>();
	private changed: number[] = [];
	private target: PathTarget | null = null;
	private path: RulesPathJson | null = null;
	private request = 0;
	private readonly nodeSelect: HTMLSelectElement;
	private readonly modeSelect: HTMLSelectElement;
	private readonly onlyService: HTMLInputElement;

	constructor(private readonly root: HTMLElement, private readonly api: string, private readonly fetcher: (url: string, init: RequestInit) => Promise<Response>,
		private readonly pathChanged: (path: PathRules | null) => void) {
		this.nodeSelect = this.control<HTMLSelectElement>('node');
		this.modeSelect = this.control<HTMLSelectElement>('mode');
		this.onlyService = this.control<HTMLInputElement>('only-service');
		this.nodeSelect.addEventListener('change', () => this.show({ node: this.nodeSelect.value }));
		this.modeSelect.addEventListener('change', () => this.show({ mode: this.modeSelect.value as ProxyMode }));
		this.onlyService.addEventListener('change', () => this.show({ all: !this.onlyService.checked }));
		this.control<HTMLButtonElement>('copy').addEventListener('click', () => void this.copy());
		root.ownerDocument.addEventListener(SHOW_RULES_EVENT, (event) => {
			const detail = (event as CustomEvent<ShowRulesDetail>).detail;
			const mode = RULES_MODES.find((m) => m === detail.mode) ?? 'iptables';
			this.show({ node: detail.node, mode, all: false });
		});
	}

	/** The nodes to choose from; the first is shown until the learner picks one. */
	setNodes(names: readonly string[]): void {
		const current = Array.from(this.nodeSelect.options).map((option) => option.value);
		if (current.join('\n') !== names.join('\n')) {
			const doc = this.root.ownerDocument;
			this.nodeSelect.replaceChildren(...names.map((name) => h(doc, 'option', { value: name, text: name })));
		}
		const node = this.choice?.node;
		if (node === undefined || !names.includes(node)) {
			if (names.length > 0) {
				this.show({ node: names[0] });
			}
		}
		else {
			this.nodeSelect.value = node;
		}
	}

	/** Shows another node, mode or scope (a lesson's reveal, the canvas's selected node, the controls). */
	show(change: Partial<RulesChoice>): void {
		const next: RulesChoice = { node: '', mode: 'iptables', all: false, ...this.choice, ...change };
		if (next.node === '') {
			return;
		}
		const same = this.choice !== null && this.choice.node === next.node && this.choice.mode === next.mode
			&& this.choice.all === next.all;
		this.choice = next;
		this.nodeSelect.value = next.node;
		this.modeSelect.value = next.mode;
		this.onlyService.checked = !next.all;
		if (!same) {
			void this.refresh();
		}
	}

	/** A batch of events: fetches again when the shown node's kube-proxy synced or the Service changed. */
	events(events: readonly SimulationEvent[]): void {
		if (this.choice !== null && needsRefetch(events, this.choice.node)) {
			void this.refresh();
		}
	}

	/**
	 * Highlights the rules the selected packet matched on its entry node (and shows that node); null clears the
	 * highlight.
	 */
	select(target: PathTarget | null): void {
		this.target = target;
		this.path = null;
		if (target !== null && target.node !== this.choice?.node) {
			this.show({ node: target.node });
		}
		else {
			void this.refresh();
		}
	}

	/** The panel's choice now (for tests and the lesson reader). */
	current(): RulesChoice | null {
		return this.choice;
	}

	private async refresh(): Promise<void> {
		const choice = this.choice;
		if (choice === null) {
			return;
		}
		const request = ++this.request;
		const target = this.target;
		try {
			const rules = await this.fetchJson<NodeRulesJson>(rulesUrl(this.api, choice));
			const path = (target !== null && target.node === choice.node)
				? await this.fetchJson<RulesPathJson>(pathUrl(this.api, target, choice.mode)) : null;
			if (request !== this.request) {
				return;
			}
			const key = `${choice.node}|${choice.mode}|${choice.all}`;
			const lines = ruleLines(rules.text);
			const previous = this.seen.get(key) ?? null;
			const sameText = this.rules !== null && this.rules.text === rules.text && this.rules.mode === rules.mode;
			if (!sameText) {
				this.changed = changedRuleLines(previous, lines);
			}
			this.seen.set(key, lines);
			this.rules = rules;
			this.lines = lines;
			this.path = path;
			this.render();
			this.pathChanged(path === null || target === null ? null
				: { connection: target.connection, node: target.node, mode: choice.mode, rules: path.rules });
		}
		catch (error) {
			if (request === this.request) {
				setText(this.part('status'), error instanceof Error ? error.message : String(error));
			}
		}
	}

	private render(): void {
		const rules = this.rules;
		if (rules === null) {
			return;
		}
		const doc = this.root.ownerDocument;
		const changed = new Set(this.changed);
		const matched = new Set(this.path === null ? [] : pathLines(this.lines, this.path.rules));
		const code = this.part('text');
		code.replaceChildren(...this.lines.flatMap((line, index) => {
			const classes = ['rules-line'];
			if (changed.has(index)) {
				classes.push('rules-line--changed');
			}
			if (matched.has(index)) {
				classes.push('rules-line--path');
			}
			const element = classes.length === 1 ? doc.createTextNode(line)
				: h(doc, 'mark', { class: classes.join(' '), text: line });
			return index === 0 ? [element] : [doc.createTextNode('\n'), element];
		}));
		setText(this.part('status'), rulesStatus(rules, changed.size,
			this.path === null || this.target === null ? null : { connection: this.target.connection, lines: matched.size }));
	}

	private async copy(): Promise<void> {
		const text = this.rules?.text ?? '';
		try {
			await navigator.clipboard.writeText(text);
			setText(this.part('copied'), 'Copied.');
		}
		catch {
			const selection = this.root.ownerDocument.getSelection();
			const range = this.root.ownerDocument.createRange();
			range.selectNodeContents(this.part('text'));
			selection?.removeAllRanges();
			selection?.addRange(range);
			setText(this.part('copied'), 'Selected: press Ctrl+C (⌘C) to copy.');
		}
	}

	private async fetchJson<T>(url: string): Promise<T> {
		const response = await this.fetcher(url, { headers: { Accept: 'application/json' } });
		if (!response.ok) {
			let message = `The rules could not be read (HTTP ${response.status}).`;
			try {
				const body = await response.json() as { errors?: string[] };
				message = body.errors?.join(' ') ?? message;
			}
			catch {
				// the status says enough
			}
			throw new Error(message);
		}
		return await response.json() as T;
	}

	private control<T extends HTMLElement>(name: string): T {
		return this.part(name) as T;
	}

	private part(name: string): HTMLElement {
		const element = this.root.querySelector<HTMLElement>(`[data-rules="${name}"]`);
		if (element === null) {
			throw new Error(`The Rules panel has no ${name}`);
		}
		return element;
	}
}
