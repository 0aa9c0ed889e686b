// What every sandbox command answers (docs/sandbox-api.md#what-a-command-answers): the server names the command it
// accepted and describes the sandbox after it, as JSON in the HX-Trigger header. htmx turns that header into a
// `trafficlab:command` event on the control that sent the request; commands sent with fetch read the same header.
// The ids mirror the Java enum io.trafficlab.sandbox.CommandId (CommandIdTests checks this list).

/** The event htmx dispatches for the header, and the playground for commands it sends itself. */
export const COMMAND_EVENT = 'trafficlab:command';

export const COMMAND_HEADER = 'HX-Trigger';

export type CommandId =
	| 'pause'
	| 'resume'
	| 'step'
	| 'setSpeed'
	| 'reset'
	| 'resetStatistics'
	| 'movePod'
	| 'deletePod'
	| 'scale'
	| 'rolloutRestart'
	| 'addNode'
	| 'removeNode'
	| 'cordon'
	| 'uncordon'
	| 'drain'
	| 'killNode'
	| 'setExternalTrafficPolicy'
	| 'setInternalTrafficPolicy'
	| 'setSessionAffinity'
	| 'updateService'
	| 'setLoadBalancerModel'
	| 'setLoadBalancerKind'
	| 'setDataplane'
	| 'setNetwork'
	| 'setClientRate'
	| 'switchPreset'
	| 'applyManifests'
	| 'startComparison'
	| 'stopComparison';

export interface CommandOutcome {
	command: CommandId;
	sandbox: string;
	/** The simulation's generation: a new one after reset, a preset or manifests. */
	generation: number;
	/** How many commands the sandbox has accepted: a later answer has a larger revision. */
	revision: number;
	paused: boolean;
	speed: number;
	/** The simulated time just after the command (µs): with a pause, later batches are steps. */
	simTime: number;
	preset: string | null;
	/** The other sandbox of its comparison, which took the same command. */
	comparedWith: string | null;
}

export function isCommandOutcome(value: unknown): value is CommandOutcome {
	if (typeof value !== 'object' || value === null) {
		return false;
	}
	const outcome = value as Record<string, unknown>;
	return typeof outcome.command === 'string' && typeof outcome.sandbox === 'string'
		&& typeof outcome.generation === 'number' && typeof outcome.revision === 'number'
		&& typeof outcome.paused === 'boolean' && typeof outcome.speed === 'number'
		&& typeof outcome.simTime === 'number';
}

/** The outcome in a command's answer, or null when it carries none (a refusal, another server). */
export function outcomeOf(headers: Pick<Headers, 'get'>): CommandOutcome | null {
	const header = headers.get(COMMAND_HEADER);
	if (header === null) {
		return null;
	}
	try {
		const triggers: unknown = JSON.parse(header);
		const outcome = typeof triggers === 'object' && triggers !== null
			? (triggers as Record<string, unknown>)[COMMAND_EVENT] : null;
		return isCommandOutcome(outcome) ? outcome : null;
	}
	catch {
		return null;
	}
}
