import { describe, expect, it } from 'vitest';
import { describeCommand, requestFor, send, type Fetch } from '../../src/commands/commands';

const API = '/api/v1/sandboxes/abc';

describe('requestFor', () => {
	it('builds the documented requests', () => {
		expect(requestFor(API, { kind: 'move', pod: 'web-1', node: 'n2' }))
			.toEqual({ method: 'POST', path: `${API}/pods/web-1/move?node=n2` });
		expect(requestFor(API, { kind: 'delete-pod', pod: 'web 1' })).toEqual({ method: 'DELETE', path: `${API}/pods/web%201` });
		expect(requestFor(API, { kind: 'policy', value: 'Local' }))
			.toEqual({ method: 'PUT', path: `${API}/service/external-traffic-policy?value=Local` });
		expect(requestFor(API, { kind: 'kill', node: 'n3' })).toEqual({ method: 'POST', path: `${API}/nodes/n3/kill` });
		expect(requestFor(API, { kind: 'remove-node', node: 'n3' })).toEqual({ method: 'DELETE', path: `${API}/nodes/n3` });
		expect(requestFor(API, { kind: 'add-node' })).toEqual({ method: 'POST', path: `${API}/nodes` });
		expect(requestFor(API, { kind: 'lb-model', model: 'weighted' })).toEqual({ method: 'PUT', path: `${API}/load-balancer?model=weighted` });
		expect(requestFor(API, { kind: 'client-rate', perSecond: 20 })).toEqual({ method: 'PUT', path: `${API}/client-rate?perSecond=20` });
		expect(requestFor(API, { kind: 'speed', factor: 0.5 })).toEqual({ method: 'PUT', path: `${API}/speed?factor=0.5` });
		expect(requestFor(API, { kind: 'manifests', body: 'kind: Service' })).toEqual({
			method: 'POST', path: `${API}/manifests`, body: 'kind: Service', contentType: 'application/yaml',
		});
		expect(describeCommand({ kind: 'drain', node: 'n2' })).toBe('Draining n2');
	});

	it('builds the rollout restart the playground button sends', () => {
		expect(requestFor(API, { kind: 'rollout-restart' })).toEqual({ method: 'POST', path: `${API}/rollout/restart` });
		expect(describeCommand({ kind: 'rollout-restart' })).toBe('Restarting the Deployment: a new ReplicaSet rolls out');
	});
});

describe('send', () => {
	it("returns the outcome the server names in the answer's header", async () => {
		const outcome = {
			command: 'movePod', sandbox: 'abc', generation: 0, revision: 3, paused: false, speed: 1, simTime: 0, preset: null, comparedWith: null,
		};
		const fetcher: Fetch = async () => new Response(null, {
			status: 204, headers: { 'HX-Trigger': JSON.stringify({ 'trafficlab:command': outcome }) },
		});
		expect(await send(fetcher, API, { kind: 'move', pod: 'web-1', node: 'n2' })).toEqual({ ok: true, outcome });
	});

	it('reports the server\'s own error message', async () => {
		const fetcher: Fetch = async () => new Response('{"errors": ["Unknown node \\"n9\\"."]}', { status: 400 });
		expect(await send(fetcher, API, { kind: 'kill', node: 'n9' })).toEqual({ ok: false, message: 'Unknown node "n9".' });
	});

	it('succeeds on 204 and says so when the server is gone', async () => {
		expect(await send(async () => new Response(null, { status: 204 }), API, { kind: 'pause' })).toEqual({ ok: true });
		const offline: Fetch = async () => {
			throw new TypeError('Failed to fetch');
		};
		expect(await send(offline, API, { kind: 'pause' })).toEqual({
			ok: false, message: 'The server did not answer. Check that Traffic Lab is still running.',
		});
	});
});
