// Draws a scene on a 2D canvas, sharp on every devicePixelRatio. Reads the scene, its layout and the view state;
// changes none of them. The still part (banner, links, nodes, pods) is drawn into a second canvas only when it
// changes; every frame copies it and draws what moves on top.
import type { Layout } from '../scene/layout';
import type { Scene } from '../scene/scene';
import type { ViewState } from '../scene/view';
import { drawFlights } from './draw/flights';
import { drawNode, drawPending, drawPod } from './draw/nodes';
import { drawOverlay } from './draw/overlay';
import { drawBanner, drawClients, drawLinks, drawLoadBalancer } from './draw/structure';
import { font, THEME } from './theme';

/** What the still layer depends on: when none of it changed, the cached layer is reused. */
function stillKey(scene: Scene, layout: Layout, view: ViewState): unknown[] {
	return [layout, scene.nodes, scene.pods, scene.service, scene.statistics, scene.loadBalancer, scene.loadBalancerName,
		scene.announcingNode, scene.connectionsPerSecond, scene.paused, scene.speed, scene.reducedMotion, view.drag?.pod, view.drag?.over, view.carrying];
}

function sameKey(a: unknown[] | null, b: unknown[]): boolean {
	return a !== null && a.length === b.length && a.every((value, index) => value === b[index]);
}

export class CanvasRenderer {
	private readonly ctx: CanvasRenderingContext2D;
	private readonly still: HTMLCanvasElement;
	private readonly stillCtx: CanvasRenderingContext2D;
	private stillDrawn: unknown[] | null = null;
	private width = 0;
	private height = 0;
	private ratio = 1;

	constructor(private readonly canvas: HTMLCanvasElement) {
		const ctx = canvas.getContext('2d', { alpha: false });
		this.still = canvas.ownerDocument.createElement('canvas');
		const stillCtx = this.still.getContext('2d', { alpha: false });
		if (ctx === null || stillCtx === null) {
			throw new Error('This browser cannot draw on a canvas.');
		}
		this.ctx = ctx;
		this.stillCtx = stillCtx;
	}

	/** Sizes the backing store to CSS size × devicePixelRatio. */
	resize(cssWidth: number, cssHeight: number, ratio: number): void {
		if (cssWidth === this.width && cssHeight === this.height && ratio === this.ratio) {
			return;
		}
		this.width = cssWidth;
		this.height = cssHeight;
		this.ratio = ratio;
		this.canvas.width = Math.max(1, Math.round(cssWidth * ratio));
		this.canvas.height = Math.max(1, Math.round(cssHeight * ratio));
		this.still.width = this.canvas.width;
		this.still.height = this.canvas.height;
		this.stillDrawn = null;
		this.canvas.style.height = `${cssHeight}px`;
	}

	draw(scene: Scene, layout: Layout, view: ViewState): void {
		const key = stillKey(scene, layout, view);
		if (!sameKey(this.stillDrawn, key)) {
			this.drawStill(scene, layout, view);
			this.stillDrawn = key;
		}
		const ctx = this.ctx;
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.drawImage(this.still, 0, 0);
		ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
		const selectedPacket = view.selected?.kind === 'packet' ? view.selected.connection : null;
		// Packets pass under the clients and the load balancer (they are "inside" them there); labels stay on top
		const labels = drawFlights(ctx, scene, layout, selectedPacket, view.hover);
		drawClients(ctx, scene, layout);
		drawLoadBalancer(ctx, scene, layout);
		labels();
		drawOverlay(ctx, scene, layout, view);
	}

	private drawStill(scene: Scene, layout: Layout, view: ViewState): void {
		const ctx = this.stillCtx;
		ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
		ctx.fillStyle = THEME.background;
		ctx.fillRect(0, 0, this.width, this.height);
		const s = layout.scale;
		drawBanner(ctx, scene, layout);
		drawLinks(ctx, scene, layout);
		const drag = view.drag ?? (view.carrying === null ? null : { pod: view.carrying, over: null });
		const source = drag === null ? null : scene.pods.find((pod) => pod.name === drag.pod)?.node ?? null;
		for (const node of scene.nodes) {
			const box = layout.nodes.get(node.name);
			if (box !== undefined) {
				const target = view.drag !== null && view.drag.over === node.name && node.name !== source ? 'target' : 'none';
				drawNode(ctx, scene, node, box, s, target, view.readOnly !== true);
			}
		}
		drawPending(ctx, layout);
		for (const pod of scene.pods) {
			const box = layout.pods.get(pod.name);
			if (box !== undefined) {
				drawPod(ctx, pod, box.rect, s, view.drag?.pod === pod.name);
			}
		}
	}

	/** Before the first snapshot: a calm message instead of an empty canvas. */
	drawWaiting(message: string, cssWidth: number): void {
		const ctx = this.ctx;
		ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
		ctx.fillStyle = THEME.background;
		ctx.fillRect(0, 0, this.width, this.height);
		ctx.fillStyle = THEME.muted;
		ctx.font = font(15, Math.max(1, cssWidth / 1200));
		ctx.textAlign = 'center';
		ctx.textBaseline = 'middle';
		ctx.fillText(message, cssWidth / 2, this.height / 2);
		ctx.textAlign = 'left';
	}
}
