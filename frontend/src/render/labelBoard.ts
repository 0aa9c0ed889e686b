// Every text on the canvas goes through a board: it picks the longest wording that fits (each wording keeps the
// meaning; an address, a name or a fraction is never cut), puts it where it overlaps no other text, and remembers
// what it drew so that tests and the debug hook can check the picture (window.__trafficLab.labels()).

/** What a text carries; only prose may be shortened with an ellipsis. */
export type LabelKind = 'name' | 'address' | 'fraction' | 'state' | 'prose';

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface DrawnLabel extends Box {
	/** The text drawn. */
	text: string;
	/** The text it stands for: the longest wording. */
	fullText: string;
	kind: LabelKind;
}

export interface Anchor {
	x: number;
	y: number;
}

export interface TextSpec {
	/** A CSS font (theme.font); the board's context keeps it afterwards. */
	font: string;
	colour: string;
	/** Default 'left'. */
	align?: CanvasTextAlign;
	/** Default 'middle'. */
	baseline?: CanvasTextBaseline;
	/** Wordings, longest first; the first that fits `maxWidth` at a free anchor is drawn. */
	variants: readonly string[];
	/** What the text stands for (default: the first wording). */
	full?: string;
	kind: LabelKind;
	x: number;
	y: number;
	maxWidth?: number;
	/** A white halo this wide around the glyphs, for text over lines and packets. */
	halo?: number;
	/** Other anchors to try when (x, y) is taken, for labels that may move. */
	at?: readonly Anchor[];
}

/** Two boxes that share more than a hairline. */
export function overlaps(a: Box, b: Box, slack = 0.5): boolean {
	return a.x + slack < b.x + b.width && b.x + slack < a.x + a.width
		&& a.y + slack < b.y + b.height && b.y + slack < a.y + a.height;
}

/** Where text of this width would sit, read from the context's align, baseline and font. */
export function textBox(ctx: CanvasRenderingContext2D, text: string, x: number, y: number): Box {
	const m = ctx.measureText(text);
	const width = m.width;
	const size = fontSize(ctx.font);
	const ascent = m.fontBoundingBoxAscent ?? baselineAscent(ctx.textBaseline, size);
	const descent = m.fontBoundingBoxDescent ?? size - ascent;
	const align = ctx.textAlign;
	const left = align === 'center' ? x - width / 2 : align === 'right' || align === 'end' ? x - width : x;
	return { x: left, y: y - ascent, width, height: ascent + descent };
}

function fontSize(font: string): number {
	const match = /(\d+(?:\.\d+)?)px/.exec(font);
	return match === null ? 10 : Number(match[1]);
}

function baselineAscent(baseline: CanvasTextBaseline, size: number): number {
	switch (baseline) {
		case 'top':
		case 'hanging':
			return 0;
		case 'middle':
			return size / 2;
		case 'bottom':
		case 'ideographic':
			return size;
		default:
			return size * 0.8;
	}
}

/** Prose cut to a width with an ellipsis, as the last resort for text that carries no name, address or number. */
export function ellipsis(ctx: CanvasRenderingContext2D, text: string, width: number): string {
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
	return low === 0 ? '' : `${text.slice(0, low).trimEnd()}…`;
}

export class LabelBoard {
	private readonly drawn: DrawnLabel[];
	private readonly taken: Box[];

	/**
	 * A board that draws on this context and starts with labels already drawn (the still layer's), which nothing may
	 * overlap.
	 */
	constructor(readonly ctx: CanvasRenderingContext2D, fixed: readonly DrawnLabel[] = []) {
		this.drawn = [...fixed];
		this.taken = [...fixed];
	}

	labels(): readonly DrawnLabel[] {
		return this.drawn;
	}

	free(box: Box): boolean {
		return !this.taken.some((other) => overlaps(box, other));
	}

	/** Keeps a box clear (a pill's plate, a callout) when it is free; false when it is not. */
	reserve(box: Box): boolean {
		if (!this.free(box)) {
			return false;
		}
		this.taken.push(box);
		return true;
	}

	/** Where the spec's text would go (its wording and box), without drawing it; null when nowhere. */
	place(spec: TextSpec): DrawnLabel | null {
		const ctx = this.ctx;
		style(ctx, spec);
		const anchors = [{ x: spec.x, y: spec.y }, ...(spec.at ?? [])];
		const maxWidth = spec.maxWidth ?? Number.POSITIVE_INFINITY;
		const full = spec.full ?? spec.variants[0] ?? '';
		const wordings = [...spec.variants];
		if (spec.kind === 'prose' && Number.isFinite(maxWidth) && wordings.length > 0) {
			wordings.push(ellipsis(ctx, wordings[wordings.length - 1], maxWidth));
		}
		for (const text of wordings) {
			if (text === '' || ctx.measureText(text).width > maxWidth + 0.01) {
				continue;
			}
			for (const anchor of anchors) {
				const box = textBox(ctx, text, anchor.x, anchor.y);
				if (this.free(box)) {
					return { text, fullText: full, kind: spec.kind, ...box };
				}
			}
		}
		return null;
	}

	/** Draws the first wording that fits at the first free anchor and keeps it; null (nothing drawn) when none does. */
	text(spec: TextSpec): DrawnLabel | null {
		const label = this.place(spec);
		if (label === null) {
			return null;
		}
		const ctx = this.ctx;
		const anchor = anchorOf(ctx, label);
		if (spec.halo !== undefined && spec.halo > 0) {
			ctx.save();
			ctx.lineJoin = 'round';
			ctx.strokeStyle = 'rgba(255, 255, 255, 0.92)';
			ctx.lineWidth = spec.halo;
			ctx.strokeText(label.text, anchor.x, anchor.y);
			ctx.restore();
		}
		ctx.fillStyle = spec.colour;
		ctx.fillText(label.text, anchor.x, anchor.y);
		this.keep(label);
		return label;
	}

	/** Records a label drawn by its own code (a pill's text) and keeps its box clear. */
	keep(label: DrawnLabel): void {
		this.drawn.push(label);
		this.taken.push(label);
	}
}

/** The anchor a placed label was measured from, back from its box and the context's align and baseline. */
function anchorOf(ctx: CanvasRenderingContext2D, label: DrawnLabel): Anchor {
	const m = ctx.measureText(label.text);
	const size = fontSize(ctx.font);
	const ascent = m.fontBoundingBoxAscent ?? baselineAscent(ctx.textBaseline, size);
	const align = ctx.textAlign;
	const x = align === 'center' ? label.x + label.width / 2 : align === 'right' || align === 'end' ? label.x + label.width : label.x;
	return { x, y: label.y + ascent };
}

function style(ctx: CanvasRenderingContext2D, spec: TextSpec): void {
	ctx.font = spec.font;
	ctx.textAlign = spec.align ?? 'left';
	ctx.textBaseline = spec.baseline ?? 'middle';
}
