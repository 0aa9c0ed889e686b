// The postMessage API's envelope, version 1 (README "postMessage API"): every message either way is a plain object
// {source: "traffic-lab", version: 1, type, ...fields}. Commands from the host page are parsed and checked here; what
// they do is the bridge's business.

export const SOURCE = 'traffic-lab';
export const VERSION = 1;

export type EmbedKind = 'playground' | 'lesson' | 'challenge';

export const POLICIES = ['Cluster', 'Local'] as const;
export type Policy = (typeof POLICIES)[number];

export type EmbedCommand =
	| { type: 'hello' }
	| { type: 'setPolicy'; policy: Policy }
	| { type: 'setLoadBalancer'; loadBalancer: string }
	| { type: 'loadPreset'; preset: string }
	| { type: 'loadState'; state: string }
	| { type: 'pause' }
	| { type: 'resume' }
	| { type: 'step' }
	| { type: 'reset' }
	| { type: 'setSpeed'; speed: number }
	| { type: 'getState' };

export type CommandType = EmbedCommand['type'];

const ALL_COMMANDS: readonly CommandType[] = ['hello', 'setPolicy', 'setLoadBalancer', 'loadPreset', 'loadState',
	'pause', 'resume', 'step', 'reset', 'setSpeed', 'getState'];

/** A lesson step or a challenge keeps its own cluster: loading another one would leave it. */
const LEAVES_THE_PAGE: readonly CommandType[] = ['loadPreset', 'loadState'];

/** The commands an embed of this kind takes (announced in `ready`). */
export function commandsFor(kind: EmbedKind): CommandType[] {
	return ALL_COMMANDS.filter((type) => kind === 'playground' || !LEAVES_THE_PAGE.includes(type));
}

/** The events an embed of this kind may post (announced in `ready`). */
export function eventsFor(kind: EmbedKind): string[] {
	const own = kind === 'lesson' ? ['predictionAnswered', 'stepCompleted'] : kind === 'challenge' ? ['challengeSolved'] : [];
	return ['ready', 'stateChanged', 'policyChanged', ...own, 'error', 'resize', 'reply'];
}

/** What the page offers, for checking a command's field; null where the page has no such control (the server checks). */
export interface Choices {
	loadBalancers: string[] | null;
	presets: string[] | null;
	speeds: number[] | null;
}

export type Parsed =
	/** Not ours (another script's message, or not an object): ignored. */
	| { kind: 'ignore' }
	| { kind: 'command'; command: EmbedCommand; id?: string }
	/** Ours but unusable: answered with an `error` event (and a failed `reply` when it carried an id). */
	| { kind: 'invalid'; message: string; id?: string };

/** An event or a reply as it is posted: the envelope plus its fields. */
export function message(type: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
	return { source: SOURCE, version: VERSION, type, ...fields };
}

function list(values: readonly (string | number)[]): string {
	return values.map((value) => (typeof value === 'string' ? `"${value}"` : String(value))).join(', ');
}

/** Parses what the host page sent: a command, a message to ignore, or the reason it cannot be carried out. */
export function parseCommand(data: unknown, kind: EmbedKind, choices: Choices): Parsed {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { kind: 'ignore' };
	}
	const fields = data as Record<string, unknown>;
	if (fields.source !== SOURCE) {
		return { kind: 'ignore' };
	}
	if (fields.id !== undefined && typeof fields.id !== 'string') {
		return { kind: 'invalid', message: 'id must be a string when given.' };
	}
	const id = fields.id as string | undefined;
	const invalid = (message: string): Parsed => (id === undefined ? { kind: 'invalid', message } : { kind: 'invalid', message, id });
	if (fields.version !== VERSION) {
		return invalid(`This embed speaks version ${VERSION} of the postMessage API, not ${JSON.stringify(fields.version ?? null)}.`);
	}
	const allowed = commandsFor(kind);
	const type = fields.type;
	if (typeof type !== 'string' || !(allowed as string[]).includes(type)) {
		const which = typeof type === 'string' ? `"${type}"` : 'a missing type';
		const here = typeof type === 'string' && (ALL_COMMANDS as string[]).includes(type) ? ` in a ${kind} embed` : '';
		return invalid(`Unknown command ${which}${here}: type must be one of ${list(allowed)}.`);
	}
	const command = commandOf(type as CommandType, fields, choices);
	if (typeof command === 'string') {
		return invalid(command);
	}
	return id === undefined ? { kind: 'command', command } : { kind: 'command', command, id };
}

/** The command, or what is wrong with its field. */
function commandOf(type: CommandType, fields: Record<string, unknown>, choices: Choices): EmbedCommand | string {
	switch (type) {
		case 'setPolicy': {
			const policy = fields.policy;
			return typeof policy === 'string' && (POLICIES as readonly string[]).includes(policy)
				? { type, policy: policy as Policy } : `setPolicy: policy must be one of ${list(POLICIES)}.`;
		}
		case 'setLoadBalancer': {
			const value = oneOf(fields.loadBalancer, choices.loadBalancers);
			return value !== null ? { type, loadBalancer: value } : `setLoadBalancer: loadBalancer must be ${choices.loadBalancers === null
				? 'a load balancer id such as "generic"' : `one of ${list(choices.loadBalancers)}`}.`;
		}
		case 'loadPreset': {
			const value = oneOf(fields.preset, choices.presets);
			return value === null ? `loadPreset: preset must be ${choices.presets === null
				? 'a preset id' : `one of ${list(choices.presets)}`}.` : { type, preset: value };
		}
		case 'loadState': {
			const state = fields.state;
			return typeof state === 'string' && /^[A-Za-z0-9_-]+$/.test(state) ? { type, state }
				: 'loadState: state must be a permalink\'s s value (letters, digits, - and _).';
		}
		case 'setSpeed': {
			const speed = fields.speed;
			const speeds = choices.speeds;
			const ok = typeof speed === 'number' && Number.isFinite(speed) && speed > 0 && (speeds === null || speeds.includes(speed));
			return ok ? { type, speed } : `setSpeed: speed must be one of ${speeds === null ? 'the speed control\'s values' : list(speeds)}.`;
		}
		default:
			return { type } as EmbedCommand;
	}
}

function oneOf(value: unknown, allowed: string[] | null): string | null {
	return typeof value === 'string' && value !== '' && (allowed === null || allowed.includes(value)) ? value : null;
}
