// Every HTTP command of docs/sandbox-api.md as a value, its request, and sending it. What the server did comes back as
// its outcome (which command, the sandbox after it); errors as the server's own words ({"errors": [...]}).
import { errorText } from '../live/commandErrors';
import { outcomeOf, type CommandOutcome } from '../protocol/commandOutcome';
import type { LoadBalancerModel, TrafficPolicy } from '../protocol/events';

export type Command =
	| { kind: 'pause' }
	| { kind: 'resume' }
	| { kind: 'step'; count: number }
	| { kind: 'speed'; factor: number }
	| { kind: 'reset' }
	| { kind: 'move'; pod: string; node: string }
	| { kind: 'delete-pod'; pod: string }
	| { kind: 'replicas'; count: number }
	| { kind: 'rollout-restart' }
	| { kind: 'add-node' }
	| { kind: 'remove-node'; node: string }
	| { kind: 'cordon'; node: string }
	| { kind: 'uncordon'; node: string }
	| { kind: 'drain'; node: string }
	| { kind: 'kill'; node: string }
	| { kind: 'policy'; value: TrafficPolicy }
	| { kind: 'lb-model'; model: LoadBalancerModel }
	| { kind: 'lb-kind'; value: string }
	| { kind: 'client-rate'; perSecond: number }
	| { kind: 'preset'; name: string }
	| { kind: 'manifests'; body: string }
	| { kind: 'edit-service'; body: string };

export interface CommandRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	body?: string;
	contentType?: string;
}

const enc = encodeURIComponent;

/** The request for a command to the sandbox whose API base is {@code api} ("/api/v1/sandboxes/{id}"). */
export function requestFor(api: string, command: Command): CommandRequest {
	switch (command.kind) {
		case 'pause':
		case 'resume':
		case 'reset':
			return { method: 'POST', path: `${api}/${command.kind}` };
		case 'step':
			return { method: 'POST', path: `${api}/step?count=${command.count}` };
		case 'speed':
			return { method: 'PUT', path: `${api}/speed?factor=${command.factor}` };
		case 'move':
			return { method: 'POST', path: `${api}/pods/${enc(command.pod)}/move?node=${enc(command.node)}` };
		case 'delete-pod':
			return { method: 'DELETE', path: `${api}/pods/${enc(command.pod)}` };
		case 'replicas':
			return { method: 'POST', path: `${api}/replicas?count=${command.count}` };
		case 'rollout-restart':
			return { method: 'POST', path: `${api}/rollout/restart` };
		case 'add-node':
			return { method: 'POST', path: `${api}/nodes` };
		case 'remove-node':
			return { method: 'DELETE', path: `${api}/nodes/${enc(command.node)}` };
		case 'cordon':
		case 'uncordon':
		case 'drain':
		case 'kill':
			return { method: 'POST', path: `${api}/nodes/${enc(command.node)}/${command.kind}` };
		case 'policy':
			return { method: 'PUT', path: `${api}/service/external-traffic-policy?value=${command.value}` };
		case 'lb-model':
			return { method: 'PUT', path: `${api}/load-balancer?model=${command.model}` };
		case 'lb-kind':
			return { method: 'PUT', path: `${api}/load-balancer/kind?value=${enc(command.value)}` };
		case 'client-rate':
			return { method: 'PUT', path: `${api}/client-rate?perSecond=${command.perSecond}` };
		case 'preset':
			return { method: 'POST', path: `${api}/preset?name=${enc(command.name)}` };
		case 'manifests':
			return { method: 'POST', path: `${api}/manifests`, body: command.body, contentType: 'application/yaml' };
		case 'edit-service':
			return { method: 'PUT', path: `${api}/service`, body: command.body, contentType: 'application/yaml' };
	}
}

/** Plain words for what a command does, for the status line. */
export function describeCommand(command: Command): string {
	switch (command.kind) {
		case 'move':
			return `Moving ${command.pod} to ${command.node}`;
		case 'delete-pod':
			return `Deleting ${command.pod}`;
		case 'policy':
			return `Setting externalTrafficPolicy to ${command.value}`;
		case 'cordon':
			return `Cordoning ${command.node}`;
		case 'uncordon':
			return `Uncordoning ${command.node}`;
		case 'drain':
			return `Draining ${command.node}`;
		case 'kill':
			return `Killing ${command.node}`;
		case 'remove-node':
			return `Removing ${command.node}`;
		case 'add-node':
			return 'Adding a node';
		case 'rollout-restart':
			return 'Restarting the Deployment: a new ReplicaSet rolls out';
		case 'manifests':
			return 'Applying the manifests';
		case 'edit-service':
			return 'Applying the edited Service';
		case 'preset':
			return `Switching to the preset ${command.name}`;
		case 'replicas':
			return `Scaling to ${command.count} replicas`;
		case 'client-rate':
			return `Setting the client rate to ${command.perSecond}/s`;
		case 'lb-model':
			return `Setting the load balancer to ${command.model}`;
		case 'lb-kind':
			return `Putting ${command.value} in front of the cluster`;
		case 'speed':
			return `Setting the speed to ${command.factor}×`;
		case 'step':
			return 'Stepping';
		case 'pause':
			return 'Pausing';
		case 'resume':
			return 'Resuming';
		case 'reset':
			return 'Resetting';
	}
}

/** A command's answer: accepted (with its outcome header and any JSON body the server sent) or refused. */
export type Outcome = { ok: true; outcome?: CommandOutcome; body?: unknown } | { ok: false; message: string };

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export async function send(fetcher: Fetch, api: string, command: Command): Promise<Outcome> {
	const request = requestFor(api, command);
	try {
		const response = await fetcher(request.path, {
			method: request.method,
			body: request.body,
			headers: request.contentType === undefined ? {} : { 'Content-Type': request.contentType },
		});
		if (response.ok) {
			const json = (response.headers.get('Content-Type') ?? '').includes('json');
			return { ok: true, outcome: outcomeOf(response.headers) ?? undefined, body: json ? await response.json() : undefined };
		}
		return { ok: false, message: errorText(response.status, await response.text()) };
	}
	catch {
		return { ok: false, message: 'The server did not answer. Check that Traffic Lab is still running.' };
	}
}
