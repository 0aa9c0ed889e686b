// Packet trips in time: when each hop is reached on the animation clock, where a packet is between two hops, and
// when a flight is over. Trips are slowed down: a hop takes 0.5 ms of simulated time, far too short to see, so every
// trip is stretched to HOP_MS per hop (fewer at high speed, more under reduced motion), keeping the hops' proportions.
import type { Hop } from '../protocol/events';
import type { Flight, PacketFlight, ProbeFlight, ResetMark, Scene } from './scene';

/** Animation ms per hop at 1× speed. */
export const HOP_MS = 260;
/** How long a drop's or reject's mark, or a reset's, stays where it happened. */
export const MARK_MS = 2600;
/** A probe's trip to the node, and the answer's trip back. */
export const PROBE_LEG_MS = 700;
/** How long a probe's answer stays beside the node. */
export const PROBE_LINGER_MS = 1800;
/** At most this many flights are animated at once; more are counted, not drawn. */
export const MAX_FLIGHTS = 800;

/** Animation ms per hop: shorter at high speed so the number in flight stays bounded, longer under reduced motion. */
export function hopMs(speed: number, reducedMotion: boolean): number {
	const base = HOP_MS / Math.sqrt(Math.max(1, speed));
	return reducedMotion ? Math.max(base, HOP_MS) * 2.5 : Math.max(base, 50);
}

/** Animation ms per simulated µs of a trip. */
export function stretchFor(hopLatencyMicros: number, speed: number, reducedMotion: boolean): number {
	return hopMs(speed, reducedMotion) / Math.max(1, hopLatencyMicros);
}

/** When the packet is at hop {@code index}, in animation ms. */
export function hopTime(flight: PacketFlight, index: number): number {
	const hops = flight.hops;
	return (flight.start ?? 0) + (hops[index].time - hops[0].time) * flight.stretch;
}

/** The hop where a dropped or rejected packet meets its verdict: the first request hop at the refusing place. */
export function verdictHop(hops: Hop[], where: string): number {
	const index = hops.findIndex((hop) => hop.direction === 'request' && hop.at === where);
	if (index >= 0) {
		return index;
	}
	const lastRequest = hops.map((hop) => hop.direction).lastIndexOf('request');
	return lastRequest >= 0 ? lastRequest : hops.length - 1;
}

export function flightEnd(flight: Flight): number {
	const start = flight.start ?? Number.POSITIVE_INFINITY;
	switch (flight.kind) {
		case 'packet': {
			const travel = flight.hops.length === 0 ? 0 : hopTime(flight, flight.hops.length - 1) - start;
			return start + travel + (flight.outcome === 'routed' ? 0 : MARK_MS);
		}
		case 'probe':
			return start + 2 * PROBE_LEG_MS + PROBE_LINGER_MS;
		case 'reset':
			return start + MARK_MS;
	}
}

/** Where a packet is: between hop {@code from} and hop {@code from + 1} at fraction t, or not on its way. */
export type PacketPosition =
	| { state: 'waiting' }
	| { state: 'moving'; from: number; t: number }
	| { state: 'arrived'; at: number; since: number }
	| { state: 'done' };

/**
 * The packet's position at animation time {@code anim}. With {@code discrete} (reduced motion) it never sits between
 * two hops: it stays at a hop until the next one is reached.
 */
export function packetPosition(flight: PacketFlight, anim: number, discrete: boolean): PacketPosition {
	if (flight.start === null || anim < flight.start || flight.hops.length === 0) {
		return { state: 'waiting' };
	}
	const last = flight.hops.length - 1;
	const end = hopTime(flight, last);
	if (anim >= end) {
		const linger = flight.outcome === 'routed' ? 0 : MARK_MS;
		return anim < end + linger ? { state: 'arrived', at: last, since: anim - end } : { state: 'done' };
	}
	let from = 0;
	while (from < last - 1 && hopTime(flight, from + 1) <= anim) {
		from++;
	}
	const t0 = hopTime(flight, from);
	const t1 = hopTime(flight, from + 1);
	const t = t1 > t0 ? (anim - t0) / (t1 - t0) : 1;
	return { state: 'moving', from, t: discrete ? 0 : Math.min(1, Math.max(0, t)) };
}

/** The index of the last hop the packet has reached, or -1 before it starts. */
export function reachedHop(flight: PacketFlight, anim: number): number {
	const position = packetPosition(flight, anim, true);
	switch (position.state) {
		case 'waiting':
			return -1;
		case 'moving':
			return position.from;
		case 'arrived':
			return position.at;
		case 'done':
			return flight.hops.length - 1;
	}
}

/** The address:port a packet carries as its source while it travels from hop {@code index}. */
export function sourceAfter(flight: PacketFlight, index: number): string {
	return flight.hops[Math.max(0, Math.min(index, flight.hops.length - 1))].srcAfter;
}

export function addressOf(endpoint: string): string {
	const colon = endpoint.lastIndexOf(':');
	return colon > 0 ? endpoint.slice(0, colon) : endpoint;
}

/** Whether a hop rewrites the source address (SNAT/masquerade, or its reversal). */
export function rewritesSource(hop: Hop): boolean {
	return addressOf(hop.srcBefore) !== addressOf(hop.srcAfter);
}

export function rewritesDestination(hop: Hop): boolean {
	return hop.dstBefore !== hop.dstAfter;
}

/** Whether the request was masqueraded by the time it left hop {@code index}: its source is no longer the client. */
export function isSnatted(flight: PacketFlight, index: number): boolean {
	const hop = flight.hops[Math.max(0, Math.min(index, flight.hops.length - 1))];
	return hop.direction === 'request' && addressOf(hop.srcAfter) !== flight.clientIp;
}

export type ProbePhase =
	| { state: 'waiting' }
	| { state: 'asking'; t: number }
	| { state: 'answering'; t: number }
	| { state: 'answered'; since: number }
	| { state: 'done' };

export function probePhase(probe: ProbeFlight, anim: number, discrete: boolean): ProbePhase {
	if (probe.start === null || anim < probe.start) {
		return { state: 'waiting' };
	}
	const elapsed = anim - probe.start;
	if (elapsed < PROBE_LEG_MS) {
		return { state: 'asking', t: discrete ? 0 : elapsed / PROBE_LEG_MS };
	}
	if (elapsed < 2 * PROBE_LEG_MS) {
		return { state: 'answering', t: discrete ? 0 : (elapsed - PROBE_LEG_MS) / PROBE_LEG_MS };
	}
	if (elapsed < 2 * PROBE_LEG_MS + PROBE_LINGER_MS) {
		return { state: 'answered', since: elapsed - 2 * PROBE_LEG_MS };
	}
	return { state: 'done' };
}

export function resetVisible(mark: ResetMark, anim: number): boolean {
	return mark.start !== null && anim >= mark.start && anim < mark.start + MARK_MS;
}

/**
 * Benchmark packets: {@code count} trips over the scene's real clients, nodes and pods, each taking {@code tripMs} of
 * animation time and spread over the first half of it, so that all of them stay in flight for at least tripMs / 2;
 * every other one masqueraded so both looks are drawn; marked as benchmark packets, so all of them are drawn
 * (the benchmark measures the worst case, no sampling). Only the debug hook uses them
 * (window.__trafficLab.injectPackets), never the stream.
 */
export function syntheticFlights(scene: Scene, count: number, tripMs = 40_000): PacketFlight[] {
	const nodes = scene.nodes.filter((node) => !node.gone);
	const flights: PacketFlight[] = [];
	if (nodes.length === 0 || scene.clientIps.length === 0) {
		return flights;
	}
	const hopCount = 8;
	const stretch = tripMs / ((hopCount - 1) * 500);
	for (let i = 0; i < count; i++) {
		const client = scene.clientIps[i % scene.clientIps.length];
		const node = nodes[i % nodes.length];
		const pods = scene.pods.filter((pod) => pod.node === node.name && pod.ip !== null);
		const pod = pods.length > 0 ? pods[i % pods.length] : scene.pods.find((p) => p.ip !== null);
		if (pod === undefined || pod.ip === null) {
			continue;
		}
		const snat = i % 2 === 0;
		const c = `${client}:${40000 + (i % 20000)}`;
		const vip = `${scene.service.loadBalancerIps[0] ?? '198.51.100.10'}:80`;
		const seen = snat ? `${node.internalIp}:${40000 + (i % 20000)}` : c;
		const backend = `${pod.ip}:8080`;
		const at = [client, 'lb', node.name, pod.name, pod.name, node.name, 'lb', client];
		const hops: Hop[] = at.map((place, k) => {
			const request = k < 4;
			return {
				time: k * 500,
				direction: request ? 'request' : 'reply',
				at: place,
				reason: 'benchmark packet',
				srcBefore: request ? (k >= 3 ? seen : c) : backend,
				srcAfter: request ? (k >= 2 ? seen : c) : k >= 5 ? vip : backend,
				dstBefore: request ? (k >= 3 ? backend : vip) : k >= 6 ? c : seen,
				dstAfter: request ? (k >= 2 ? backend : vip) : k >= 5 ? c : seen,
			};
		});
		// Spread evenly over the first half of the trip (7919 is a prime: neighbours do not start together)
		const offset = (((i * 7919) % count) / count) * (tripMs / 2);
		flights.push({
			kind: 'packet', id: 1_000_000 + i, outcome: 'routed', simStart: 0, clientIp: client, hops, reason: null,
			start: scene.clock.anim - offset, stretch, benchmark: true,
		});
	}
	return flights;
}
