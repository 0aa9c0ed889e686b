// Small drawing helpers shared by the draw modules.
import type { Rect } from '../../scene/layout';
import { THEME } from '../theme';

export function roundRect(ctx: CanvasRenderingContext2D, rect: Rect, radius: number): void {
	const r = Math.min(radius, rect.w / 2, rect.h / 2);
	ctx.beginPath();
	ctx.roundRect(rect.x, rect.y, rect.w, rect.h, r);
}

/** A rounded box on the background colour with an outline: the border's hairline unless a stroke is given. */
export function box(ctx: CanvasRenderingContext2D, rect: Rect, radius: number,
	stroke: { colour: string; width: number } = { colour: THEME.border, width: 1 }): void {
	roundRect(ctx, rect, radius);
	ctx.fillStyle = THEME.background;
	ctx.fill();
	ctx.strokeStyle = stroke.colour;
	ctx.lineWidth = stroke.width;
	ctx.stroke();
}

/** Text cut to a width, with an ellipsis when it does not fit. */
export function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
	if (width <= 0) {
		return '';
	}
	if (ctx.measureText(text).width <= width) {
		return text;
	}
	let low = 0;
	let high = text.length;
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) {
			low = mid;
		}
		else {
			high = mid - 1;
		}
	}
	return low === 0 ? '' : `${text.slice(0, low)}…`;
}

/** Text on a white halo so that it stays legible over lines and packets. */
export function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, width: number): void {
	ctx.save();
	ctx.lineJoin = 'round';
	ctx.strokeStyle = THEME.halo;
	ctx.lineWidth = width;
	ctx.strokeText(text, x, y);
	ctx.restore();
	ctx.fillText(text, x, y);
}

export interface PillStyle {
	fill: string;
	stroke: string;
	text: string;
	dash?: number[];
}

/** A rounded label; returns its width. */
export function pill(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, h: number,
	style: PillStyle, maxWidth = Number.POSITIVE_INFINITY): number {
	const pad = h * 0.38;
	const label = fit(ctx, text, maxWidth - 2 * pad);
	const w = Math.min(maxWidth, ctx.measureText(label).width + 2 * pad);
	roundRect(ctx, { x, y, w, h }, h / 2);
	ctx.fillStyle = style.fill;
	ctx.fill();
	ctx.setLineDash(style.dash ?? []);
	ctx.strokeStyle = style.stroke;
	ctx.lineWidth = 1.2;
	ctx.stroke();
	ctx.setLineDash([]);
	ctx.fillStyle = style.text;
	ctx.textBaseline = 'middle';
	ctx.textAlign = 'left';
	ctx.fillText(label, x + pad, y + h / 2 + 0.5);
	return w;
}

export function cross(ctx: CanvasRenderingContext2D, x: number, y: number, size: number, colour: string, width: number): void {
	ctx.beginPath();
	ctx.moveTo(x - size, y - size);
	ctx.lineTo(x + size, y + size);
	ctx.moveTo(x + size, y - size);
	ctx.lineTo(x - size, y + size);
	ctx.strokeStyle = colour;
	ctx.lineWidth = width;
	ctx.lineCap = 'round';
	ctx.stroke();
	ctx.lineCap = 'butt';
}

/** A pod name short enough for its box: "web-7d4b9c-x2k8p" → "web…x2k8p". */
export function shortPodName(name: string): string {
	if (name.length <= 12) {
		return name;
	}
	const parts = name.split('-');
	if (parts.length < 3) {
		return `${name.slice(0, 5)}…${name.slice(-6)}`;
	}
	return `${parts[0]}…${parts[parts.length - 1]}`;
}
