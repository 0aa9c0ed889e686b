// What the learner is doing: the selected item, the keyboard focus, a pod being dragged (or carried with the
// keyboard) and where it would go.
import type { Layout, Rect } from '../../scene/layout';
import type { Scene } from '../../scene/scene';
import type { Item, ViewState } from '../../scene/view';
import { font, THEME } from '../theme';
import { drawPod } from './nodes';
import type { LabelBoard } from '../labelBoard';
import { pill, roundRect } from './shapes';

function itemRect(item: Item, layout: Layout): Rect | null {
	switch (item.kind) {
		case 'pod':
			return layout.pods.get(item.name)?.rect ?? null;
		case 'node':
			return layout.nodes.get(item.name)?.rect ?? null;
		case 'lb':
			return layout.lb.rect;
		case 'packet':
			return null;
	}
}

function ring(ctx: CanvasRenderingContext2D, rect: Rect, s: number, colour: string, width: number, dash: number[]): void {
	const grow = 3 * s;
	roundRect(ctx, { x: rect.x - grow, y: rect.y - grow, w: rect.w + 2 * grow, h: rect.h + 2 * grow }, 8 * s);
	ctx.setLineDash(dash);
	ctx.strokeStyle = colour;
	ctx.lineWidth = width;
	ctx.stroke();
	ctx.setLineDash([]);
}

export function drawOverlay(ctx: CanvasRenderingContext2D, board: LabelBoard, scene: Scene, layout: Layout, view: ViewState): void {
	const s = layout.scale;
	if (view.selected !== null) {
		const rect = itemRect(view.selected, layout);
		if (rect !== null) {
			ring(ctx, rect, s, THEME.selection, 2.5 * s, []);
		}
	}
	if (view.canvasFocused && view.focused !== null) {
		const rect = itemRect(view.focused, layout);
		if (rect !== null) {
			ring(ctx, { x: rect.x - 3 * s, y: rect.y - 3 * s, w: rect.w + 6 * s, h: rect.h + 6 * s }, s, THEME.focus,
				3 * s, [6 * s, 3 * s]);
		}
	}
	if (view.carrying !== null) {
		const pod = layout.pods.get(view.carrying);
		if (pod !== undefined) {
			const x = Math.max(4 * s, Math.min(pod.rect.x, layout.width - 420 * s));
			pill(board, {
				font: font(11.5, s, 700), kind: 'prose', force: true, x, y: pod.rect.y - 22 * s, h: 19 * s,
				variants: ['a node number or Enter on a node moves it · Delete deletes · Esc cancels',
					'node number or Enter: move · Esc: cancel', 'node number: move'],
				maxWidth: layout.width - x - 4 * s, at: [{ x, y: pod.rect.y + pod.rect.h + 4 * s }],
			}, { fill: THEME.focus, stroke: THEME.focus, text: '#ffffff' });
		}
	}
	const drag = view.drag;
	if (drag !== null) {
		const pod = scene.pods.find((p) => p.name === drag.pod);
		const box = layout.pods.get(drag.pod);
		if (pod === undefined || box === undefined) {
			return;
		}
		const ghost = { x: drag.point.x - box.rect.w / 2, y: drag.point.y - box.rect.h / 2, w: box.rect.w, h: box.rect.h };
		ctx.save();
		ctx.shadowColor = 'rgba(0, 0, 0, 0.25)';
		ctx.shadowBlur = 10 * s;
		drawPod(ctx, null, scene, pod, ghost, s, false);
		ctx.restore();
		const variants = drag.over === null
			? [`✕ release outside a node to delete ${pod.name}`, `✕ delete ${pod.name}`]
			: drag.over === pod.node ? [`${pod.name} stays on ${drag.over}`, 'stays'] : [`→ move ${pod.name} to ${drag.over}`, `→ ${drag.over}`];
		pill(board, {
			font: font(11.5, s, 700), kind: 'name', variants, force: true, x: ghost.x, y: ghost.y + ghost.h + 6 * s, h: 20 * s,
			maxWidth: layout.width - ghost.x - 4 * s, at: [{ x: ghost.x, y: ghost.y - 26 * s }],
		}, drag.over === null
			? { fill: THEME.failSoft, stroke: THEME.fail, text: THEME.fail }
			: { fill: THEME.proxy, stroke: THEME.accent, text: THEME.accent });
	}
}
