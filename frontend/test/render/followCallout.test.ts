import { describe, expect, it } from 'vitest';
import { namedBoxes, placeCallout, trafficAlpha } from '../../src/render/draw/follow';
import { computeLayout, type Rect } from '../../src/scene/layout';
import { startFollowing } from '../../src/scene/follow';
import { sceneFromSnapshot } from '../../src/scene/scene';
import { NO_VIEW } from '../../src/scene/view';
import { snapshot } from '../scene/fixtures';

const scene = sceneFromSnapshot(snapshot());

function overlaps(a: Rect, b: Rect): boolean {
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('the follow callout', () => {
	it('goes where it covers no client, load balancer, node header or pod, inside the canvas', () => {
		for (const width of [800, 1366, 3840]) {
			const layout = computeLayout({ width, clientIps: scene.clientIps, nodes: scene.nodes, pods: scene.pods });
			const s = layout.scale;
			for (const point of [layout.lb.anchor, layout.nodes.get('n1')!.anchor, layout.pods.get('web-1')!.center]) {
				const box = placeCallout(layout, point, 300 * s, 70 * s, namedBoxes(layout));
				expect(box.x).toBeGreaterThanOrEqual(0);
				expect(box.y).toBeGreaterThanOrEqual(0);
				expect(box.x + box.w).toBeLessThanOrEqual(layout.width);
				expect(box.y + box.h).toBeLessThanOrEqual(layout.height);
				expect(namedBoxes(layout).filter((rect) => overlaps(rect, box))).toEqual([]);
			}
		}
	});

	it('takes the board\'s word for where text is: a place over text only when every place is', () => {
		const layout = computeLayout({ width: 1366, clientIps: scene.clientIps, nodes: scene.nodes, pods: scene.pods });
		const point = layout.lb.anchor;
		const first = placeCallout(layout, point, 300, 70, []);
		const taken = { x: first.x, y: first.y, width: first.w, height: first.h };
		const free = (box: { x: number; y: number; width: number; height: number }) =>
			!(box.x < taken.x + taken.width && taken.x < box.x + box.width && box.y < taken.y + taken.height && taken.y < box.y + box.height);
		const second = placeCallout(layout, point, 300, 70, [], free);
		expect(free({ x: second.x, y: second.y, width: second.w, height: second.h })).toBe(true);
		expect(placeCallout(layout, point, 300, 70, [], () => false)).toEqual(first);
	});

	it('dims the rest of the traffic only while a connection is traced', () => {
		expect(trafficAlpha(NO_VIEW)).toBe(1);
		expect(trafficAlpha({ ...NO_VIEW, follow: startFollowing(scene, null) })).toBe(1);
		expect(trafficAlpha({ ...NO_VIEW, follow: { phase: 'following', client: 'c', connection: 1, outcome: 'routed', hops: [], hop: 0, elapsed: 0, generation: 0 } }))
			.toBeLessThan(0.5);
	});
});
