import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/scene/applyEvent';
import {
	HOP_MS,
	flightEnd,
	hopMs,
	isSnatted,
	MARK_MS,
	packetPosition,
	probePhase,
	PROBE_LEG_MS,
	reachedHop,
	rewritesSource,
	sourceAfter,
	verdictHop,
} from '../../src/scene/packets';
import { sceneFromSnapshot, type PacketFlight, type ProbeFlight } from '../../src/scene/scene';
import { droppedAtN3, routedViaN3, snapshot } from './fixtures';

function flight(start: number): PacketFlight {
	const scene = applyEvent(sceneFromSnapshot(snapshot()), routedViaN3(1, 1_000_000));
	return { ...(scene.flights[0] as PacketFlight), start };
}

describe('packet trips', () => {
	it('stretch every 0.5 ms hop to HOP_MS at 1×, fewer at high speed, more under reduced motion', () => {
		const f = flight(1000);
		expect(f.stretch * 500).toBeCloseTo(HOP_MS);
		expect(hopMs(16, false)).toBeCloseTo(HOP_MS / 4);
		expect(hopMs(1, true)).toBeGreaterThan(HOP_MS * 2);
	});

	it('interpolate between the hops on the animation clock', () => {
		const f = flight(1000);
		expect(packetPosition(f, 999, false)).toEqual({ state: 'waiting' });
		expect(packetPosition(f, 1000, false)).toEqual({ state: 'moving', from: 0, t: 0 });
		const mid = packetPosition(f, 1000 + HOP_MS * 2.5, false);
		expect(mid.state).toBe('moving');
		if (mid.state === 'moving') {
			expect(mid.from).toBe(2);
			expect(mid.t).toBeCloseTo(0.5);
		}
		expect(packetPosition(f, 1000 + HOP_MS * 9 + 1, false)).toEqual({ state: 'done' });
		expect(flightEnd(f)).toBeCloseTo(1000 + HOP_MS * 9);
	});

	it('jump from hop to hop under reduced motion', () => {
		const f = flight(0);
		expect(packetPosition(f, HOP_MS * 2.5, true)).toEqual({ state: 'moving', from: 2, t: 0 });
		expect(reachedHop(f, HOP_MS * 3.2)).toBe(3);
	});

	it('tell the source address after each hop and when SNAT has rewritten it', () => {
		const f = flight(0);
		expect(sourceAfter(f, 1)).toBe('203.0.113.10:40000');
		expect(sourceAfter(f, 2)).toBe('192.168.0.13:40000');
		expect(isSnatted(f, 1)).toBe(false);
		expect(isSnatted(f, 2)).toBe(true);
		expect(isSnatted(f, 6)).toBe(false);
		expect(rewritesSource(f.hops[2])).toBe(true);
		expect(rewritesSource(f.hops[3])).toBe(false);
	});

	it('keep a dropped packet on view where it was dropped, with its mark', () => {
		const scene = applyEvent(sceneFromSnapshot(snapshot()), droppedAtN3(2, 1_000_000));
		const dropped = { ...(scene.flights[0] as PacketFlight), start: 0 };
		expect(verdictHop(dropped.hops, 'n3')).toBe(2);
		expect(packetPosition(dropped, HOP_MS * 2 + 100, false)).toEqual({ state: 'arrived', at: 2, since: 100 });
		expect(flightEnd(dropped)).toBeCloseTo(HOP_MS * 2 + MARK_MS);
	});
});

describe('probes', () => {
	const probe: ProbeFlight = {
		kind: 'probe', id: 1, node: 'n3', pod: null, simStart: 0, status: 503, answer: 'http', passed: false, verdict: 'unhealthy', consecutive: 2,
		threshold: 2, start: 100,
	};

	it('go to the node, bring the answer back, then rest', () => {
		expect(probePhase(probe, 50, false)).toEqual({ state: 'waiting' });
		expect(probePhase(probe, 100 + PROBE_LEG_MS / 2, false)).toEqual({ state: 'asking', t: 0.5 });
		expect(probePhase(probe, 100 + PROBE_LEG_MS * 1.5, false)).toEqual({ state: 'answering', t: 0.5 });
		expect(probePhase(probe, 100 + PROBE_LEG_MS * 2 + 10, false)).toEqual({ state: 'answered', since: 10 });
		expect(probePhase(probe, 100 + PROBE_LEG_MS * 1.5, true)).toEqual({ state: 'answering', t: 0 });
		expect(probePhase(probe, 1e9, false)).toEqual({ state: 'done' });
	});
});

describe('syntheticFlights', () => {
	it('makes the asked number of trips over real places, spread along their paths', async () => {
		const { syntheticFlights } = await import('../../src/scene/packets');
		const scene = sceneFromSnapshot(snapshot());
		const flights = syntheticFlights(scene, 500);
		expect(flights).toHaveLength(500);
		const moving = flights.filter((f) => packetPosition(f, 19_000, false).state === 'moving');
		expect(moving).toHaveLength(500);
		expect(new Set(flights.map((f) => f.hops[2].at))).toEqual(new Set(['n1', 'n2', 'n3']));
		expect(flights.filter((f) => isSnatted(f, 2))).toHaveLength(250);
	});
});
