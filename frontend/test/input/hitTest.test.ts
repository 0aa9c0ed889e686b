import { describe, expect, it } from 'vitest';
import { hitTest, nodeAt, packetAt } from '../../src/input/hitTest';
import { applyEvent } from '../../src/scene/applyEvent';
import { computeLayout } from '../../src/scene/layout';
import { packetPoint } from '../../src/scene/paths';
import { HOP_MS } from '../../src/scene/packets';
import { sceneFromSnapshot, type PacketFlight, type Scene } from '../../src/scene/scene';
import { routedViaN3, snapshot } from '../scene/fixtures';

function setup(): { scene: Scene; layout: ReturnType<typeof computeLayout> } {
	const base = applyEvent(sceneFromSnapshot(snapshot()), routedViaN3(7, 1_000_000));
	const flight = { ...(base.flights[0] as PacketFlight), start: 0 };
	// a client rate at which every connection is drawn (above it, scene/density.ts draws a sample)
	const scene = { ...base, connectionsPerSecond: 5, flights: [flight], clock: { ...base.clock, anim: HOP_MS * 1.5 } };
	return { scene, layout: computeLayout({ width: 1240, clientIps: scene.clientIps, nodes: scene.nodes, pods: scene.pods }) };
}

describe('hitTest', () => {
	it('finds pods, node menus, nodes, the LB and clients', () => {
		const { scene, layout } = setup();
		const pod = layout.pods.get('web-4')!;
		expect(hitTest(scene, layout, pod.center)).toEqual({ kind: 'pod', name: 'web-4' });
		const menu = layout.nodes.get('n2')!.menu;
		expect(hitTest(scene, layout, { x: menu.x + 2, y: menu.y + 2 })).toEqual({ kind: 'node-menu', name: 'n2' });
		const n3 = layout.nodes.get('n3')!.rect;
		expect(hitTest(scene, layout, { x: n3.x + n3.w / 2, y: n3.y + n3.h - 3 })).toEqual({ kind: 'node', name: 'n3' });
		expect(hitTest(scene, layout, layout.lb.anchor, false)).toEqual({ kind: 'lb' });
		const client = layout.clients.get('198.51.100.7')!.rect;
		expect(hitTest(scene, layout, { x: client.x + 5, y: client.y + 5 })).toEqual({ kind: 'client', ip: '198.51.100.7' });
		expect(hitTest(scene, layout, { x: 1, y: layout.height - 1 })).toEqual({ kind: 'none' });
	});

	it('finds a moving packet where it is drawn, within a few pixels', () => {
		const { scene, layout } = setup();
		const at = packetPoint(scene.flights[0] as PacketFlight, scene.clock.anim, layout, false)!;
		expect(at.hop).toBe(1);
		expect(packetAt(scene, layout, { x: at.point.x + 4, y: at.point.y - 3 })).toBe(7);
		expect(hitTest(scene, layout, at.point)).toEqual({ kind: 'packet', connection: 7 });
		expect(packetAt(scene, layout, { x: at.point.x + 40, y: at.point.y })).toBeNull();
	});

	it('finds no packet that the density sample leaves undrawn', () => {
		const { scene, layout } = setup();
		const busy = { ...scene, connectionsPerSecond: 200, speed: 8 };
		const at = packetPoint(busy.flights[0] as PacketFlight, busy.clock.anim, layout, false)!;
		expect(packetAt(busy, layout, at.point)).toBeNull();
		const eight = { ...busy, flights: [{ ...(busy.flights[0] as PacketFlight), id: 1024 }] };
		expect(packetAt(eight, layout, at.point)).toBe(1024);
	});

	it('tells the node a pod is dropped on, or none outside the nodes', () => {
		const { layout } = setup();
		expect(nodeAt(layout, layout.nodes.get('n3')!.anchor)).toBe('n3');
		expect(nodeAt(layout, { x: 2, y: 2 })).toBeNull();
	});
});

describe('pointer intents', () => {
	it('turn a drop on another node into a move, outside every node into a delete, on its own node into nothing', async () => {
		const { dropIntent } = await import('../../src/input/pointer');
		const { scene } = setup();
		expect(dropIntent(scene, { pod: 'web-1', point: { x: 0, y: 0 }, over: 'n3' })).toEqual({ kind: 'move', pod: 'web-1', node: 'n3' });
		expect(dropIntent(scene, { pod: 'web-1', point: { x: 0, y: 0 }, over: null })).toEqual({ kind: 'delete', pod: 'web-1' });
		expect(dropIntent(scene, { pod: 'web-1', point: { x: 0, y: 0 }, over: 'n1' })).toEqual({ kind: 'none' });
	});

	it('turn clicks into inspecting a packet, picking a pod up, putting it down on a node, or a node menu', async () => {
		const { clickIntent } = await import('../../src/input/pointer');
		const { NO_VIEW } = await import('../../src/scene/view');
		const { scene, layout } = setup();
		const packet = packetPoint(scene.flights[0] as PacketFlight, scene.clock.anim, layout, false)!;
		expect(clickIntent(scene, layout, packet.point, NO_VIEW)).toEqual({ kind: 'inspect', connection: 7 });
		const pod = layout.pods.get('web-2')!.center;
		expect(clickIntent(scene, layout, pod, NO_VIEW)).toEqual({ kind: 'carry', pod: 'web-2' });
		const n3 = layout.nodes.get('n3')!;
		const inside = { x: n3.rect.x + n3.rect.w / 2, y: n3.rect.y + n3.rect.h - 4 };
		expect(clickIntent(scene, layout, inside, { ...NO_VIEW, carrying: 'web-2' })).toEqual({ kind: 'move', pod: 'web-2', node: 'n3' });
		expect(clickIntent(scene, layout, inside, NO_VIEW)).toEqual({ kind: 'select', item: { kind: 'node', name: 'n3' } });
		const menu = { x: n3.menu.x + 3, y: n3.menu.y + 3 };
		expect(clickIntent(scene, layout, menu, NO_VIEW)).toEqual({ kind: 'menu', node: 'n3', at: menu });
	});

	it('turn a click on a client into following its next connection', async () => {
		const { clickIntent } = await import('../../src/input/pointer');
		const { NO_VIEW } = await import('../../src/scene/view');
		const { scene, layout } = setup();
		const client = layout.clients.get('198.51.100.7')!.rect;
		expect(clickIntent(scene, layout, { x: client.x + 5, y: client.y + 5 }, NO_VIEW))
			.toEqual({ kind: 'follow', client: '198.51.100.7' });
	});
});
