import { describe, expect, it } from 'vitest';
import { computeLayout, contains, layoutKey, nodeColumns, type LayoutInput, type Rect } from '../../src/scene/layout';

function input(width: number, nodes = 3, podsOnN1 = 3): LayoutInput {
	const names = Array.from({ length: nodes }, (_, i) => ({ name: `n${i + 1}` }));
	const pods = [
		...Array.from({ length: podsOnN1 }, (_, i) => ({ name: `web-${i + 1}`, node: 'n1' as string | null })),
		{ name: 'web-9', node: 'n2' },
	];
	return { width, clientIps: ['203.0.113.10', '198.51.100.7', '192.0.2.33'], nodes: names, pods };
}

function inside(inner: Rect, outer: Rect): boolean {
	return inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.w <= outer.x + outer.w + 0.01
		&& inner.y + inner.h <= outer.y + outer.h + 0.01;
}

function overlap(a: Rect, b: Rect): boolean {
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('layout', () => {
	it('flows left to right on a wide canvas: clients, then the LB, then the nodes', () => {
		const layout = computeLayout(input(1240));
		expect(layout.orientation).toBe('wide');
		const client = layout.clients.get('203.0.113.10');
		const n1 = layout.nodes.get('n1');
		expect(client).toBeDefined();
		expect(n1).toBeDefined();
		expect(client!.rect.x + client!.rect.w).toBeLessThan(layout.lb.rect.x);
		expect(layout.lb.rect.x + layout.lb.rect.w).toBeLessThan(n1!.rect.x);
		expect(layout.nodes.get('n2')!.rect.x).toBeGreaterThan(n1!.rect.x);
	});

	it('stacks top to bottom on a phone and stays within its width', () => {
		const layout = computeLayout(input(360));
		expect(layout.orientation).toBe('tall');
		const lb = layout.lb.rect;
		expect(layout.clients.get('203.0.113.10')!.rect.y).toBeLessThan(lb.y);
		for (const node of layout.nodes.values()) {
			expect(node.rect.y).toBeGreaterThan(lb.y + lb.h);
			expect(node.rect.x + node.rect.w).toBeLessThanOrEqual(360);
		}
		expect(layout.nodes.get('n2')!.rect.y).toBeGreaterThan(layout.nodes.get('n1')!.rect.y);
		expect(layout.height).toBeGreaterThan(layout.nodes.get('n3')!.rect.y);
	});

	it('puts every pod inside its node, none on top of another', () => {
		for (const width of [360, 800, 1240, 3000]) {
			const layout = computeLayout(input(width, 5, 7));
			const pods = [...layout.pods.values()];
			for (const pod of pods) {
				expect(inside(pod.rect, layout.nodes.get(pod.node ?? '')!.pods)).toBe(true);
			}
			for (let i = 0; i < pods.length; i++) {
				for (let j = i + 1; j < pods.length; j++) {
					expect(overlap(pods[i].rect, pods[j].rect)).toBe(false);
				}
			}
			const nodes = [...layout.nodes.values()];
			for (let i = 0; i < nodes.length; i++) {
				expect(nodes[i].rect.y + nodes[i].rect.h).toBeLessThanOrEqual(layout.height);
				for (let j = i + 1; j < nodes.length; j++) {
					expect(overlap(nodes[i].rect, nodes[j].rect)).toBe(false);
				}
			}
		}
	});

	it('gives pending pods a tray of their own', () => {
		const data = input(1240);
		const layout = computeLayout({ ...data, pods: [...data.pods, { name: 'web-p', node: null }] });
		expect(layout.pending).not.toBeNull();
		expect(inside(layout.pods.get('web-p')!.rect, layout.pending!)).toBe(true);
	});

	it('scales with the canvas so a projector shows bigger text', () => {
		expect(computeLayout(input(2400)).scale).toBeGreaterThan(computeLayout(input(1200)).scale * 1.8);
	});

	it('chooses columns by node count', () => {
		expect([1, 3, 4, 6, 9, 20].map((n) => nodeColumns(n, 'wide', 1200))).toEqual([1, 3, 2, 3, 4, 5]);
		expect(nodeColumns(3, 'tall', 360)).toBe(1);
	});

	it('changes its key when a pod moves, not when nothing does', () => {
		const a = input(1240);
		expect(layoutKey(a)).toBe(layoutKey(input(1240)));
		const moved = { ...a, pods: a.pods.map((pod) => (pod.name === 'web-1' ? { ...pod, node: 'n3' } : pod)) };
		expect(layoutKey(moved)).not.toBe(layoutKey(a));
		expect(contains({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 5 })).toBe(true);
	});

	it('routes the LB to every node through gaps, crossing no other node', () => {
		for (const width of [360, 600, 850, 1240, 3840]) {
			for (const nodes of [1, 3, 5, 9]) {
				const layout = computeLayout(input(width, nodes));
				for (const [name, route] of layout.routes) {
					expect(route[route.length - 1]).toEqual(layout.nodes.get(name)!.anchor);
					for (let i = 1; i < route.length; i++) {
						const a = route[i - 1];
						const b = route[i];
						// an axis-aligned stretch's box, a hairline wide
						const stretch = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x) || 0.1, h: Math.abs(a.y - b.y) || 0.1 };
						for (const [other, box] of layout.nodes) {
							if (other !== name) {
								expect(overlap(stretch, box.rect), `${width}px, ${nodes} nodes: ${name}'s route crosses ${other}`).toBe(false);
							}
						}
					}
				}
			}
		}
	});
});
