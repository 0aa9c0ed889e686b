// Small drawing helpers shared by the draw modules.
import type { Rect } from '../../scene/layout';
import { ellipsis, type Anchor, type Box, type LabelBoard, type LabelKind } from '../labelBoard';
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

export interface PillStyle {
	fill: string;
	stroke: string;
	text: string;
	dash?: number[];
}

export interface PillSpec {
	font: string;
	/** Wordings, longest first (as the label board takes them). */
	variants: readonly string[];
	full?: string;
	kind: LabelKind;
	x: number;
	y: number;
	h: number;
	maxWidth?: number;
	/** x is the pill's centre rather than its left edge. */
	centred?: boolean;
	/** Other places (same meaning as x, y) to try when (x, y) is taken. */
	at?: readonly Anchor[];
	/** Drawn at (x, y) even when every place is taken: feedback on what the learner is doing now. */
	force?: boolean;
}

/**
 * A rounded label on its own plate, placed on the board like any text (the plate is its box); returns its width, 0
 * when no wording fits anywhere (nothing drawn).
 */
export function pill(board: LabelBoard, spec: PillSpec, style: PillStyle): number {
	const ctx = board.ctx;
	ctx.font = spec.font;
	const pad = spec.h * 0.38;
	const maxWidth = spec.maxWidth ?? Number.POSITIVE_INFINITY;
	const anchors = [{ x: spec.x, y: spec.y }, ...(spec.at ?? [])];
	const wordings = spec.variants.filter((text) => text !== '' && ctx.measureText(text).width + 2 * pad <= maxWidth + 0.01);
	for (const text of wordings) {
		const w = ctx.measureText(text).width + 2 * pad;
		for (const anchor of anchors) {
			const box = { x: spec.centred === true ? anchor.x - w / 2 : anchor.x, y: anchor.y, width: w, height: spec.h };
			const last = spec.force === true && text === wordings[wordings.length - 1] && anchor === anchors[anchors.length - 1];
			if (board.free(box) || last) {
				drawPlate(ctx, box, style);
				ctx.fillStyle = style.text;
				ctx.textBaseline = 'middle';
				ctx.textAlign = 'left';
				ctx.fillText(text, box.x + pad, box.y + spec.h / 2 + 0.5);
				board.keep({ text, fullText: spec.full ?? spec.variants[0], kind: spec.kind, ...box });
				return w;
			}
		}
	}
	return 0;
}

/** A label's plate: a pill (radius half its height) or a box with rounded corners. */
function drawPlate(ctx: CanvasRenderingContext2D, box: Box, style: PillStyle, radius = box.height / 2): void {
	roundRect(ctx, { x: box.x, y: box.y, w: box.width, h: box.height }, radius);
	ctx.fillStyle = style.fill;
	ctx.fill();
	ctx.setLineDash(style.dash ?? []);
	ctx.strokeStyle = style.stroke;
	ctx.lineWidth = 1.2;
	ctx.stroke();
	ctx.setLineDash([]);
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

export interface CalloutSpec {
	font: string;
	/** The text, wrapped into at most `maxLines` lines of at most `maxWidth`. */
	text: string;
	kind: LabelKind;
	maxWidth: number;
	maxLines: number;
	lineHeight: number;
	/** Top-left corners to try, in order. */
	at: readonly Anchor[];
	/** Where the callout may not go past (the canvas). */
	bounds: { width: number; height: number };
}

/** Words wrapped into lines no wider than width; the last line ends with "…" when the text is longer. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	const words = text.split(' ');
	for (let i = 0; i < words.length; i++) {
		const candidate = line === '' ? words[i] : `${line} ${words[i]}`;
		if (ctx.measureText(candidate).width <= width || line === '') {
			line = candidate;
			continue;
		}
		lines.push(line);
		line = words[i];
		if (lines.length === maxLines) {
			lines[maxLines - 1] = ellipsis(ctx, `${lines[maxLines - 1]} ${words.slice(i).join(' ')}`, width);
			return lines;
		}
	}
	if (line !== '') {
		lines.push(ellipsis(ctx, line, width));
	}
	return lines;
}

/** A boxed note of a few lines at the first free corner; false (nothing drawn) when every corner is taken. */
export function callout(board: LabelBoard, spec: CalloutSpec, style: PillStyle): boolean {
	const ctx = board.ctx;
	ctx.font = spec.font;
	const pad = spec.lineHeight * 0.4;
	const lines = wrap(ctx, spec.text, spec.maxWidth - 2 * pad, spec.maxLines);
	const width = Math.max(...lines.map((line) => ctx.measureText(line).width)) + 2 * pad;
	const height = lines.length * spec.lineHeight + pad;
	for (const corner of spec.at) {
		const x = Math.max(2, Math.min(corner.x, spec.bounds.width - width - 2));
		const y = Math.max(2, Math.min(corner.y, spec.bounds.height - height - 2));
		const box = { x, y, width, height };
		if (!board.free(box)) {
			continue;
		}
		drawPlate(ctx, box, style, 4);
		ctx.fillStyle = style.text;
		ctx.textAlign = 'left';
		ctx.textBaseline = 'middle';
		lines.forEach((line, i) => ctx.fillText(line, x + pad, y + pad / 2 + spec.lineHeight * (i + 0.5)));
		board.keep({ text: lines.join(' '), fullText: spec.text, kind: spec.kind, ...box });
		return true;
	}
	return false;
}

/** One line written on a plate: the text, what it stands for, what it carries, and how it looks. */
export interface PlateLine {
	text: string;
	full: string;
	kind: LabelKind;
	font: string;
	colour: string;
}

/**
 * Lines written on a plate already drawn at {@code box} (a callout of several fonts), one row of {@code lineHeight}
 * each below {@code pad}; each row is kept on the board as wide as the plate (the first and the last reach its top and
 * bottom), so the labels placed later keep off the whole plate.
 */
export function plateLines(board: LabelBoard, box: Box, lines: readonly PlateLine[], pad: number, lineHeight: number): void {
	const ctx = board.ctx;
	ctx.textAlign = 'left';
	ctx.textBaseline = 'middle';
	lines.forEach((line, i) => {
		const top = i === 0 ? box.y : box.y + pad + i * lineHeight;
		const bottom = i === lines.length - 1 ? box.y + box.height : box.y + pad + (i + 1) * lineHeight;
		ctx.font = line.font;
		ctx.fillStyle = line.colour;
		ctx.fillText(line.text, box.x + pad, box.y + pad + (i + 0.5) * lineHeight);
		board.keep({ text: line.text, fullText: line.full, kind: line.kind, x: box.x, y: top, width: box.width, height: bottom - top });
	});
}
