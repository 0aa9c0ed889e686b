// Draws a scene on a 2D canvas, sharp on every devicePixelRatio. Reads the scene, its layout and the view state;
// changes none of them. Three layers: the still shapes (banner, links, nodes, pods), what moves (packets, marks), and
// the text on top, so that traffic never hides a label. The still shapes and the still text are drawn into two
// cached canvases only when they change; every frame copies them around the packets and places the moving labels
// (probe answers, reasons, packet sources) on a label board where no other text is.
import { densityNote, densityOf } from '../scene/density';
import type { Layout } from '../scene/layout';
import type { Scene } from '../scene/scene';
import type { ViewState } from '../scene/view';
import { drawFlights } from './draw/flights';
import { drawFollow, drawFollowedPacket, trafficAlpha } from './draw/follow';
import { drawNode, drawPending, drawPod } from './draw/nodes';
import { drawOverlay } from './draw/overlay';
import { drawBanner, drawClients, drawLinks, drawLoadBalancer } from './draw/structure';
import { LabelBoard, type DrawnLabel } from './labelBoard';
import { font, THEME } from './theme';

/** What the still layer depends on: when none of it changed, the cached layer is reused. */
function stillKey(scene: Scene, layout: Layout, view: ViewState): unknown[] {
	return [layout, scene.nodes, scene.pods, scene.service, scene.statistics, scene.loadBalancer, scene.loadBalancerName,
		scene.announcingNode, scene.connectionsPerSecond, scene.paused, scene.speed, view.drag?.pod, view.drag?.over, view.carrying];
}

function sameKey(a: unknown[] | null, b: unknown[]): boolean {
	return a !== null && a.length === b.length && a.every((value, index) => value === b[index]);
}

export class CanvasRenderer {
	private readonly ctx: CanvasRenderingContext2D;
	private readonly still: HTMLCanvasElement;
	private readonly stillCtx: CanvasRenderingContext2D;
	private readonly text: HTMLCanvasElement;
	private readonly textCtx: CanvasRenderingContext2D;
	private stillDrawn: unknown[] | null = null;
	private stillLabels: readonly DrawnLabel[] = [];
	private frameLabels: readonly DrawnLabel[] = [];
	private width = 0;
	private height = 0;
	private ratio = 1;

	constructor(private readonly canvas: HTMLCanvasElement) {
		const ctx = canvas.getContext('2d', { alpha: false });
		this.still = canvas.ownerDocument.createElement('canvas');
		const stillCtx = this.still.getContext('2d', { alpha: false });
		this.text = canvas.ownerDocument.createElement('canvas');
		const textCtx = this.text.getContext('2d');
		if (ctx === null || stillCtx === null || textCtx === null) {
			throw new Error('This browser cannot draw on a canvas.');
		}
		this.ctx = ctx;
		this.stillCtx = stillCtx;
		this.textCtx = textCtx;
	}

	private size(): { width: number; height: number } {
		return { width: this.width, height: this.height };
	}

	/** Every text the last frame drew, with its box in CSS pixels of the canvas. */
	labels(): readonly DrawnLabel[] {
		return this.frameLabels;
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
		this.text.width = this.canvas.width;
		this.text.height = this.canvas.height;
		this.stillDrawn = null;
		this.canvas.style.height = `${cssHeight}px`;
	}

	/** {@code note}: the banner's word about the picture, by default how many connections are drawn (scene/density.ts). */
	draw(scene: Scene, layout: Layout, view: ViewState, note: string | null = densityNote(densityOf(scene, layout))): void {
		const key = [...stillKey(scene, layout, view), note];
		if (!sameKey(this.stillDrawn, key)) {
			this.drawStill(scene, layout, view, note);
			this.stillDrawn = key;
		}
		const ctx = this.ctx;
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.drawImage(this.still, 0, 0);
		ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
		const board = new LabelBoard(ctx, this.stillLabels, this.size());
		const selectedPacket = view.selected?.kind === 'packet' ? view.selected.connection : null;
		// Packets pass under the clients and the load balancer (they are "inside" them there) and under all text;
		// while a connection is followed, the rest of the traffic is dimmed and its callout goes on the board first
		ctx.globalAlpha = trafficAlpha(view);
		const labels = drawFlights(ctx, board, scene, layout, selectedPacket, view.hover);
		ctx.globalAlpha = 1;
		drawFollowedPacket(ctx, scene, layout, view);
		drawClients(ctx, board, scene, layout);
		drawLoadBalancer(ctx, board, scene, layout);
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.drawImage(this.text, 0, 0);
		ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
		drawOverlay(ctx, board, scene, layout, view);
		drawFollow(board, scene, layout, view);
		ctx.globalAlpha = trafficAlpha(view);
		labels();
		ctx.globalAlpha = 1;
		this.frameLabels = board.labels();
	}

	private drawStill(scene: Scene, layout: Layout, view: ViewState, note: string | null): void {
		const ctx = this.stillCtx;
		ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
		ctx.fillStyle = THEME.background;
		ctx.fillRect(0, 0, this.width, this.height);
		const text = this.textCtx;
		text.setTransform(1, 0, 0, 1, 0, 0);
		text.clearRect(0, 0, this.text.width, this.text.height);
		text.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
		const board = new LabelBoard(text, [], this.size());
		const s = layout.scale;
		drawBanner(ctx, board, scene, layout, note);
		const linkLabels = drawLinks(ctx, board, scene, layout);
		const drag = view.drag ?? (view.carrying === null ? null : { pod: view.carrying, over: null });
		const source = drag === null ? null : scene.pods.find((pod) => pod.name === drag.pod)?.node ?? null;
		for (const node of scene.nodes) {
			const box = layout.nodes.get(node.name);
			if (box !== undefined) {
				const target = view.drag !== null && view.drag.over === node.name && node.name !== source ? 'target' : 'none';
				drawNode(ctx, board, scene, node, box, s, target, view.readOnly !== true);
			}
		}
		drawPending(ctx, board, layout);
		for (const pod of scene.pods) {
			const box = layout.pods.get(pod.name);
			if (box !== undefined) {
				drawPod(ctx, board, scene, pod, box.rect, s, view.drag?.pod === pod.name);
			}
		}
		// the links' fractions go last: they find a free place beside their line
		linkLabels();
		this.stillLabels = board.labels();
	}

	/** Before the first snapshot: a calm message instead of an empty canvas. */
	drawWaiting(message: string, cssWidth: number): void {
		const ctx = this.ctx;
		ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
		ctx.fillStyle = THEME.background;
		ctx.fillRect(0, 0, this.width, this.height);
		const board = new LabelBoard(ctx, [], this.size());
		board.text({ font: font(15, Math.max(1, cssWidth / 1200)), colour: THEME.muted, variants: [message], kind: 'prose',
			align: 'center', x: cssWidth / 2, y: this.height / 2, maxWidth: cssWidth - 16 });
		this.frameLabels = board.labels();
	}
}
