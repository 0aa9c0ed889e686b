// The embed's side of the postMessage API (README "postMessage API"): takes the parent page's commands, checks who sent
// them, carries them out through the playground's own command code, answers with a reply, and posts the events. No
// DOM here: main.ts wires the window, the page and the playground in (embed/wiring.ts).
import type { Command, Outcome } from '../commands/commands';
import { commandsFor, eventsFor, message, parseCommand, type Choices, type EmbedCommand, type EmbedKind, type Policy } from './envelope';
import { originAllowed } from './origins';

/** What getState answers (`reply.result`). */
export interface EmbedState {
	permalink: string | null;
	state: string | null;
	policy: Policy | null;
	loadBalancer: string | null;
	paused: boolean | null;
}

/** The running sandbox, as the bridge drives and reads it. */
export interface LiveSandbox {
	/** The playground's own command path (Playground.run): the page shows errors and hears outcomes as for its controls. */
	run(command: Command): Promise<Outcome>;
	/** The share feature's permalink (GET .../permalink): the absolute URL with ?s=, or null when it cannot be had. */
	permalink(): Promise<string | null>;
	/** What the scene shows now, or null before the first snapshot. */
	now(): { policy: Policy; loadBalancer: string; paused: boolean } | null;
}

export interface BridgePorts {
	kind: EmbedKind;
	/** The frame-ancestors source list the page carries. */
	frameAncestors: string;
	/** This page's URL (location.href: its real origin also inside an opaque sandboxed frame). */
	selfUrl: string;
	/** Posts to the parent window. */
	post(data: unknown, targetOrigin: string): void;
	/** The parent's origin if known, given the last accepted command's origin. */
	parentOrigin(lastCommandOrigin: string | null): string | null;
	/** What the page's controls offer, to check commands against. */
	choices(): Choices;
	/** Loads another page in this frame (loadState: the embed URL for a permalink state, with run=1). */
	navigate(url: string): void;
	/** Strings no message may carry (the sandbox id, the embed token). */
	secrets(): string[];
}

export interface IncomingMessage {
	data: unknown;
	origin: string;
	/** event.source === window.parent */
	fromParent: boolean;
}

const PRESS_START = 'The sandbox is not running yet: press Start in the embed first.';
const STARTING = 'The sandbox is still starting: wait for the ready event with started: true.';

/** The permalink's s value, or null. */
export function stateOf(permalink: string | null): string | null {
	if (permalink === null) {
		return null;
	}
	try {
		return new URL(permalink).searchParams.get('s');
	}
	catch {
		return null;
	}
}

/** The playground command for an embed command, or null for the ones the bridge answers itself. */
export function sandboxCommand(command: EmbedCommand): Command | null {
	switch (command.type) {
		case 'setPolicy':
			return { kind: 'policy', value: command.policy };
		case 'setLoadBalancer':
			return { kind: 'lb-kind', value: command.loadBalancer };
		case 'loadPreset':
			return { kind: 'preset', name: command.preset };
		case 'pause':
		case 'resume':
		case 'reset':
			return { kind: command.type };
		case 'step':
			return { kind: 'step', count: 1 };
		case 'setSpeed':
			return { kind: 'speed', factor: command.speed };
		case 'hello':
		case 'getState':
		case 'loadState':
			return null;
	}
}

/** Where loadState takes the frame: this embed with the permalink's state and run=1 (a new sandbox, as /?s= makes one). */
export function stateUrl(selfUrl: string, state: string): string {
	const url = new URL('/embed', selfUrl);
	url.searchParams.set('s', state);
	url.searchParams.set('run', '1');
	url.hash = new URL(selfUrl).hash;
	return url.toString();
}

/** A copy of {@code data} with every secret replaced in its strings. */
export function redact(data: unknown, secrets: string[]): unknown {
	const wanted = secrets.filter((secret) => secret.length >= 4);
	if (wanted.length === 0) {
		return data;
	}
	const clean = (value: unknown): unknown => {
		if (typeof value === 'string') {
			return wanted.reduce((text, secret) => text.split(secret).join('(this sandbox)'), value);
		}
		if (Array.isArray(value)) {
			return value.map(clean);
		}
		if (typeof value === 'object' && value !== null) {
			return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]));
		}
		return value;
	};
	return clean(data);
}

export class EmbedBridge {
	private sandbox: LiveSandbox | null = null;
	private lastCommandOrigin: string | null = null;
	private policy: Policy | null = null;
	private state: string | null = null;

	constructor(private readonly ports: BridgePorts, private readonly startCard: boolean) {}

	/** Announces the embed (the Start card, or a sandbox page still loading). */
	announce(): void {
		this.ready();
	}

	/** The live sandbox runs and its first scene is there: commands work from now on. */
	started(sandbox: LiveSandbox): void {
		this.sandbox = sandbox;
		this.policy = sandbox.now()?.policy ?? null;
		this.ready();
		void sandbox.permalink().then((permalink) => {
			this.state ??= stateOf(permalink);
		});
	}

	/** The stream changed the scene: a policy different from the last one told is a policyChanged. */
	sceneChanged(): void {
		const policy = this.sandbox?.now()?.policy ?? null;
		if (policy !== null && policy !== this.policy) {
			const first = this.policy === null;
			this.policy = policy;
			if (!first) {
				this.emit('policyChanged', { policy });
			}
		}
	}

	/** The sandbox accepted a command (the share feature's moment to ask for a permalink): tells a new state. */
	async stateMayHaveChanged(): Promise<void> {
		const permalink = await this.sandbox?.permalink() ?? null;
		const state = stateOf(permalink);
		if (permalink !== null && state !== null && state !== this.state) {
			this.state = state;
			this.emit('stateChanged', { permalink, state });
		}
	}

	/** Posts an event to the parent (its origin when known, else `*`). */
	emit(type: string, fields: Record<string, unknown> = {}): void {
		this.ports.post(redact(message(type, fields), this.ports.secrets()), this.target());
	}

	/** A message arrived on the window. Returns once it is answered (for tests). */
	async receive(incoming: IncomingMessage): Promise<void> {
		if (!incoming.fromParent || !originAllowed(this.ports.frameAncestors, incoming.origin, new URL(this.ports.selfUrl).origin)) {
			return;
		}
		const parsed = parseCommand(incoming.data, this.ports.kind, this.ports.choices());
		if (parsed.kind === 'ignore') {
			return;
		}
		this.lastCommandOrigin = incoming.origin;
		const replyTo = incoming.origin === 'null' ? '*' : incoming.origin;
		if (parsed.kind === 'invalid') {
			this.fail(parsed.message, parsed.id, replyTo);
			return;
		}
		const { command, id } = parsed;
		if (command.type === 'hello') {
			this.ready();
			this.reply(id, true, undefined, replyTo);
			return;
		}
		const sandbox = this.sandbox;
		if (command.type === 'getState') {
			this.reply(id, true, await this.currentState(sandbox), replyTo);
			return;
		}
		if (sandbox === null) {
			this.fail(this.startCard ? PRESS_START : STARTING, id, replyTo);
			return;
		}
		if (command.type === 'loadState') {
			this.reply(id, true, undefined, replyTo);
			this.ports.navigate(stateUrl(this.ports.selfUrl, command.state));
			return;
		}
		const wanted = sandboxCommand(command);
		if (wanted === null) {
			return;
		}
		const outcome = await sandbox.run(wanted);
		if (outcome.ok) {
			this.reply(id, true, undefined, replyTo);
		}
		else {
			this.fail(`${command.type} failed: ${outcome.message}`, id, replyTo);
		}
	}

	private async currentState(sandbox: LiveSandbox | null): Promise<EmbedState> {
		const permalink = sandbox === null ? null : await sandbox.permalink();
		const now = sandbox?.now() ?? null;
		return { permalink, state: stateOf(permalink), policy: now?.policy ?? null,
			loadBalancer: now?.loadBalancer ?? null, paused: now?.paused ?? null };
	}

	private ready(): void {
		const kind = this.ports.kind;
		this.emit('ready', { kind, started: this.sandbox !== null, commands: commandsFor(kind), events: eventsFor(kind) });
	}

	private fail(text: string, id: string | undefined, to: string): void {
		this.post(message('error', id === undefined ? { message: text } : { message: text, id }), to);
		if (id !== undefined) {
			this.reply(id, false, undefined, to, text);
		}
	}

	private reply(id: string | undefined, ok: boolean, result: unknown, to: string, error?: string): void {
		if (id === undefined) {
			return;
		}
		const fields: Record<string, unknown> = { id, ok };
		if (result !== undefined) {
			fields.result = result;
		}
		if (error !== undefined) {
			fields.message = error;
		}
		this.post(message('reply', fields), to);
	}

	private post(data: Record<string, unknown>, to: string): void {
		this.ports.post(redact(data, this.ports.secrets()), to);
	}

	private target(): string {
		return this.ports.parentOrigin(this.lastCommandOrigin) ?? '*';
	}
}
