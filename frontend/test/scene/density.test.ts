import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/scene/applyEvent';
import {
	densityNote,
	densityOf,
	expectedInFlight,
	FEWEST_PER_PATH,
	isDrawn,
	MOST_PER_PATH,
	packetBudget,
	pathCount,
	sampleEvery,
} from '../../src/scene/density';
import { syntheticFlights } from '../../src/scene/packets';
import { sceneFromSnapshot, type PacketFlight, type Scene } from '../../src/scene/scene';
import { droppedAtN3, routedViaN3, snapshot } from './fixtures';

const NOBODY = { selected: null, hover: null };
const LARGE = { width: 1366, height: 760 };
const SMALL = { width: 480, height: 320 };

function scene(rate: number, speed = 1): Scene {
	return { ...sceneFromSnapshot(snapshot()), connectionsPerSecond: rate, speed };
}

function routed(id: number): PacketFlight {
	return applyEvent(scene(50), routedViaN3(id, 1_000_000)).flights[0] as PacketFlight;
}

function drawnIds(ids: number[], every: number): number[] {
	return ids.filter((id) => isDrawn(routed(id), { every }, NOBODY));
}

describe('packet density', () => {
	it('counts a path from every client to every pod that serves', () => {
		expect(pathCount(scene(50))).toBe(2 * 4);
		expect(pathCount({ clientIps: ['a'], pods: [] })).toBe(1);
	});

	it('gives a path a few packets on a small canvas and more on a large one, by the canvas size', () => {
		expect(packetBudget(SMALL, 8)).toBe(8 * FEWEST_PER_PATH);
		expect(packetBudget({ width: 800, height: 520 }, 8)).toBe(8 * 5);
		expect(packetBudget(LARGE, 8)).toBe(8 * MOST_PER_PATH);
		expect(packetBudget({ width: 3840, height: 1900 }, 8)).toBe(8 * MOST_PER_PATH);
		expect(packetBudget({ width: 390, height: 900 }, 1)).toBeGreaterThanOrEqual(FEWEST_PER_PATH);
		expect(packetBudget({ width: 100, height: 60 }, 2)).toBe(2 * FEWEST_PER_PATH);
	});

	it('expects more packets in flight at a higher rate and speed, none at rate 0', () => {
		expect(expectedInFlight(scene(0, 8))).toBe(0);
		expect(expectedInFlight(scene(50))).toBeCloseTo(50 * 7 * 0.26);
		expect(expectedInFlight(scene(50, 8))).toBeGreaterThan(expectedInFlight(scene(50)));
		expect(expectedInFlight(scene(200, 8))).toBeGreaterThan(expectedInFlight(scene(50, 8)));
	});

	it('samples one connection in a power of two, the smallest that keeps the budget', () => {
		expect(sampleEvery(0, 60)).toBe(1);
		expect(sampleEvery(60, 60)).toBe(1);
		expect(sampleEvery(61, 60)).toBe(2);
		expect(sampleEvery(1000, 60)).toBe(32);
		expect(densityOf(scene(5), LARGE).every).toBe(1);
		expect(densityOf(scene(50), LARGE).every).toBe(2);
		expect(densityOf(scene(50), SMALL).every).toBe(4);
		expect(densityOf(scene(200, 8), LARGE).every).toBe(32);
		expect(densityOf(scene(200, 8), { width: 390, height: 250 }).every).toBe(64);
	});

	it('draws a connection whole or not at all: the sample follows the rate, not the packets of the moment', () => {
		const quiet = scene(200, 8);
		const busy = { ...quiet, flights: syntheticFlights(quiet, 300), clock: { anim: 5000, display: 0, runUntil: 5000 } };
		expect(densityOf(busy, LARGE)).toEqual(densityOf(quiet, LARGE));
		const flight = routed(96);
		expect(isDrawn(flight, densityOf(quiet, LARGE), NOBODY, quiet)).toBe(isDrawn(flight, densityOf(busy, LARGE), NOBODY, busy));
	});

	it('is deterministic, by connection id modulo k, and a sample at 8 is part of the sample at 4', () => {
		const ids = Array.from({ length: 64 }, (_, i) => i + 1);
		expect(drawnIds(ids, 4)).toEqual([4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64]);
		expect(drawnIds(ids, 4)).toEqual(drawnIds(ids, 4));
		expect(drawnIds(ids, 8).every((id) => drawnIds(ids, 4).includes(id))).toBe(true);
		expect(drawnIds(ids, 1)).toEqual(ids);
	});

	it('always draws what teaches: drops and refusals, resets, the selected and hovered packets', () => {
		const every = { every: 16 };
		const dropped = applyEvent(scene(50), droppedAtN3(3, 1_000_000)).flights[0] as PacketFlight;
		expect(isDrawn(dropped, every, NOBODY)).toBe(true);
		expect(isDrawn({ ...routed(5), outcome: 'rejected' }, every, NOBODY)).toBe(true);
		expect(isDrawn(routed(5), every, NOBODY)).toBe(false);
		expect(isDrawn(routed(5), every, { selected: 5, hover: null })).toBe(true);
		expect(isDrawn(routed(5), every, { selected: null, hover: 5 })).toBe(true);
		const withReset = applyEvent(applyEvent(scene(50), routedViaN3(5, 1_000_000)), {
			type: 'ConnectionReset', time: 1_200_000, connection: 5, clientIp: '203.0.113.10', pod: 'web-4', node: 'n2',
			reason: 'pod deleted',
		});
		expect(isDrawn(routed(5), every, NOBODY, withReset)).toBe(true);
	});

	it('draws every benchmark packet: the benchmark measures the worst case', () => {
		const flights = syntheticFlights(scene(50), 500);
		expect(flights.every((flight) => isDrawn(flight, { every: 64 }, NOBODY))).toBe(true);
	});

	it('says how many connections are drawn, and nothing when all are', () => {
		expect(densityNote({ every: 1 })).toBeNull();
		expect(densityNote({ every: 4 })).toBe('1 in 4 connections drawn');
		expect(densityNote(densityOf(scene(200, 8), LARGE))).toBe('1 in 32 connections drawn');
	});
});
