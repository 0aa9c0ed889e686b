import { describe, expect, it } from 'vitest';
import type { Command, Outcome } from '../../src/commands/commands';
import { EmbedBridge, redact, sandboxCommand, stateOf, stateUrl, type BridgePorts, type LiveSandbox } from '../../src/embed/bridge';
import type { Policy } from '../../src/embed/envelope';

const HOST = 'http://127.0.0.1:40123';
const SELF_URL = 'http://localhost:8080/embed?preset=uneven-3-1-0&run=1';

interface Posted {
	data: Record<string, unknown>;
	to: string;
}

function setUp(options: { frameAncestors?: string; parent?: string | null; kind?: BridgePorts['kind']; startCard?: boolean } = {}) {
	const posted: Posted[] = [];
	const navigated: string[] = [];
	const ports: BridgePorts = {
		kind: options.kind ?? 'playground',
		frameAncestors: options.frameAncestors ?? '*',
		selfUrl: SELF_URL,
		post: (data, to) => posted.push({ data: data as Record<string, unknown>, to }),
		parentOrigin: (last) => (options.parent === undefined ? HOST : options.parent ?? last),
		choices: () => ({ loadBalancers: ['aws-nlb-instance', 'aws-clb'], presets: null, speeds: [1, 2] }),
		navigate: (url) => navigated.push(url),
		secrets: () => ['sbx-1234-secret'],
	};
	return { bridge: new EmbedBridge(ports, options.startCard ?? false), posted, navigated };
}

function fakeSandbox(answer: (command: Command) => Outcome = () => ({ ok: true })) {
	const sent: Command[] = [];
	let policy: Policy = 'Cluster';
	let permalink = 'http://localhost:8080/?s=AAA';
	const sandbox: LiveSandbox = {
		run: (command) => {
			sent.push(command);
			return Promise.resolve(answer(command));
		},
		permalink: () => Promise.resolve(permalink),
		now: () => ({ policy, loadBalancer: 'aws-nlb-instance', paused: false }),
	};
	return {
		sandbox, sent,
		setPolicy: (value: Policy) => { policy = value; },
		setPermalink: (value: string) => { permalink = value; },
	};
}

const command = (fields: Record<string, unknown>) => ({ data: { source: 'traffic-lab', version: 1, ...fields }, origin: HOST, fromParent: true });
const types = (posted: Posted[]) => posted.map((p) => p.data.type);

describe('EmbedBridge', () => {
	it('announces itself, not started, and again once the sandbox runs', async () => {
		const { bridge, posted } = setUp();
		bridge.announce();
		expect(posted[0]).toEqual({ to: HOST, data: expect.objectContaining({ source: 'traffic-lab', version: 1, type: 'ready',
			kind: 'playground', started: false }) as unknown });
		expect(posted[0].data.commands).toContain('setPolicy');
		bridge.started(fakeSandbox().sandbox);
		expect(posted[1].data).toMatchObject({ type: 'ready', started: true });
		await bridge.receive(command({ type: 'hello', id: 'h' }));
		expect(posted.slice(2).map((p) => p.data)).toEqual([
			expect.objectContaining({ type: 'ready', started: true }),
			{ source: 'traffic-lab', version: 1, type: 'reply', id: 'h', ok: true },
		]);
	});

	it('takes commands only from the parent and from allowed origins', async () => {
		const { bridge, posted } = setUp({ frameAncestors: '\'self\' https://docs.example.com' });
		bridge.started(fakeSandbox().sandbox);
		posted.length = 0;
		await bridge.receive(command({ type: 'hello' }));
		await bridge.receive({ ...command({ type: 'hello' }), origin: 'https://docs.example.com', fromParent: false });
		expect(posted).toEqual([]);
		await bridge.receive({ ...command({ type: 'hello' }), origin: 'https://docs.example.com' });
		expect(types(posted)).toEqual(['ready']);
	});

	it('drives the sandbox through the playground\'s commands and replies', async () => {
		const { bridge, posted } = setUp();
		const fake = fakeSandbox();
		bridge.started(fake.sandbox);
		posted.length = 0;
		await bridge.receive(command({ type: 'setPolicy', policy: 'Local', id: '1' }));
		await bridge.receive(command({ type: 'setLoadBalancer', loadBalancer: 'aws-clb' }));
		await bridge.receive(command({ type: 'step' }));
		await bridge.receive(command({ type: 'setSpeed', speed: 2 }));
		expect(fake.sent).toEqual([{ kind: 'policy', value: 'Local' }, { kind: 'lb-kind', value: 'aws-clb' },
			{ kind: 'step', count: 1 }, { kind: 'speed', factor: 2 }]);
		expect(posted.map((p) => p.data)).toEqual([{ source: 'traffic-lab', version: 1, type: 'reply', id: '1', ok: true }]);
	});

	it('tells a refused command as an error and a failed reply, without the sandbox id', async () => {
		const { bridge, posted } = setUp();
		bridge.started(fakeSandbox(() => ({ ok: false, message: 'No sandbox sbx-1234-secret.' })).sandbox);
		posted.length = 0;
		await bridge.receive(command({ type: 'reset', id: 'r' }));
		expect(posted.map((p) => p.data)).toEqual([
			{ source: 'traffic-lab', version: 1, type: 'error', id: 'r', message: 'reset failed: No sandbox (this sandbox).' },
			{ source: 'traffic-lab', version: 1, type: 'reply', id: 'r', ok: false, message: 'reset failed: No sandbox (this sandbox).' },
		]);
	});

	it('answers a bad command with an error naming the allowed values', async () => {
		const { bridge, posted } = setUp();
		bridge.started(fakeSandbox().sandbox);
		posted.length = 0;
		await bridge.receive(command({ type: 'setLoadBalancer', loadBalancer: 'f5' }));
		expect(posted.map((p) => p.data)).toEqual([{ source: 'traffic-lab', version: 1, type: 'error',
			message: 'setLoadBalancer: loadBalancer must be one of "aws-nlb-instance", "aws-clb".' }]);
	});

	it('asks to press Start before the sandbox runs, except for hello and getState', async () => {
		const { bridge, posted } = setUp({ startCard: true });
		await bridge.receive(command({ type: 'pause', id: 'p' }));
		await bridge.receive(command({ type: 'getState', id: 'g' }));
		expect(posted.map((p) => p.data)).toEqual([
			expect.objectContaining({ type: 'error', id: 'p', message: expect.stringContaining('press Start') as unknown }),
			expect.objectContaining({ type: 'reply', id: 'p', ok: false }),
			{ source: 'traffic-lab', version: 1, type: 'reply', id: 'g', ok: true,
				result: { permalink: null, state: null, policy: null, loadBalancer: null, paused: null } },
		]);
	});

	it('replies to getState with the permalink, the policy, the load balancer and whether it is paused', async () => {
		const { bridge, posted } = setUp();
		bridge.started(fakeSandbox().sandbox);
		posted.length = 0;
		await bridge.receive(command({ type: 'getState', id: 'g' }));
		expect(posted[0].data.result).toEqual({ permalink: 'http://localhost:8080/?s=AAA', state: 'AAA', policy: 'Cluster',
			loadBalancer: 'aws-nlb-instance', paused: false });
	});

	it('loads a state by taking the frame to the embed with it and run=1', async () => {
		const { bridge, posted, navigated } = setUp();
		bridge.started(fakeSandbox().sandbox);
		posted.length = 0;
		await bridge.receive(command({ type: 'loadState', state: 'XYZ', id: 's' }));
		expect(types(posted)).toEqual(['reply']);
		expect(navigated).toEqual(['http://localhost:8080/embed?s=XYZ&run=1']);
	});

	it('tells a policy change once, not the first policy it sees', () => {
		const { bridge, posted } = setUp();
		const fake = fakeSandbox();
		bridge.started(fake.sandbox);
		posted.length = 0;
		bridge.sceneChanged();
		fake.setPolicy('Local');
		bridge.sceneChanged();
		bridge.sceneChanged();
		expect(posted.map((p) => p.data)).toEqual([{ source: 'traffic-lab', version: 1, type: 'policyChanged', policy: 'Local' }]);
	});

	it('tells a new state as stateChanged with its permalink, once', async () => {
		const { bridge, posted } = setUp();
		const fake = fakeSandbox();
		bridge.started(fake.sandbox);
		await Promise.resolve();
		posted.length = 0;
		await bridge.stateMayHaveChanged();
		fake.setPermalink('http://localhost:8080/?s=BBB');
		await bridge.stateMayHaveChanged();
		await bridge.stateMayHaveChanged();
		expect(posted.map((p) => p.data)).toEqual([{ source: 'traffic-lab', version: 1, type: 'stateChanged',
			permalink: 'http://localhost:8080/?s=BBB', state: 'BBB' }]);
	});

	it('posts events to * only when the parent\'s origin is unknown, and replies to the sender', async () => {
		const { bridge, posted } = setUp({ parent: null });
		bridge.announce();
		expect(posted[0].to).toBe('*');
		await bridge.receive({ ...command({ type: 'hello', id: 'h' }), origin: 'https://docs.example.com' });
		expect(posted.slice(1).map((p) => p.to)).toEqual(['https://docs.example.com', 'https://docs.example.com']);
		await bridge.receive({ ...command({ type: 'hello', id: 'o' }), origin: 'null' });
		expect(posted.at(-1)?.to).toBe('*');
	});
});

describe('helpers', () => {
	it('maps embed commands onto the playground\'s', () => {
		expect(sandboxCommand({ type: 'loadPreset', preset: 'p' })).toEqual({ kind: 'preset', name: 'p' });
		expect(sandboxCommand({ type: 'pause' })).toEqual({ kind: 'pause' });
		expect(sandboxCommand({ type: 'getState' })).toBeNull();
	});

	it('reads a permalink\'s state and builds the embed URL for it, keeping the fragment', () => {
		expect(stateOf('http://lab/?s=abc')).toBe('abc');
		expect(stateOf('not a url')).toBeNull();
		expect(stateUrl('http://lab:1/embed?preset=x#?secret=abc', 'S1')).toBe('http://lab:1/embed?s=S1&run=1#?secret=abc');
	});

	it('redacts secrets in nested strings', () => {
		expect(redact({ a: ['id-12345 here'], b: 3 }, ['id-12345'])).toEqual({ a: ['(this sandbox) here'], b: 3 });
	});
});
