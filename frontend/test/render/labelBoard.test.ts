import { describe, expect, it } from 'vitest';
import { LabelBoard, overlaps, type DrawnLabel } from '../../src/render/labelBoard';

/** A context whose glyphs are 6 px wide and whose fonts are 10 px tall, recording what it writes. */
function fakeContext(): CanvasRenderingContext2D & { written: string[] } {
	const written: string[] = [];
	return {
		written,
		font: '400 10px sans-serif',
		textAlign: 'left',
		textBaseline: 'middle',
		fillStyle: '#000',
		measureText: (text: string) => ({ width: 6 * [...text].length, fontBoundingBoxAscent: 5, fontBoundingBoxDescent: 5 }),
		fillText: (text: string) => {
			written.push(text);
		},
		strokeText: () => undefined,
		save: () => undefined,
		restore: () => undefined,
	} as unknown as CanvasRenderingContext2D & { written: string[] };
}

const base = { font: '400 10px sans-serif', colour: '#000' };

describe('the label board', () => {
	it('draws the longest wording that fits and says what it stands for', () => {
		const ctx = fakeContext();
		const board = new LabelBoard(ctx);
		const label = board.text({ ...base, variants: ['kube-proxy · Local set: 3', 'Local set: 3'], kind: 'state', x: 0, y: 10, maxWidth: 100 });
		expect(label).toMatchObject({ text: 'Local set: 3', fullText: 'kube-proxy · Local set: 3', x: 0, y: 5, width: 72, height: 10 });
		expect(ctx.written).toEqual(['Local set: 3']);
	});

	it('never cuts an address: no wording fits, nothing is drawn', () => {
		const ctx = fakeContext();
		const board = new LabelBoard(ctx);
		expect(board.text({ ...base, variants: ['192.168.0.11'], kind: 'address', x: 0, y: 0, maxWidth: 40 })).toBeNull();
		expect(ctx.written).toEqual([]);
		expect(board.labels()).toEqual([]);
	});

	it('cuts prose with an ellipsis as the last resort', () => {
		const board = new LabelBoard(fakeContext());
		const label = board.text({ ...base, variants: ['per zone, then even'], kind: 'prose', x: 0, y: 0, maxWidth: 60 });
		expect(label?.text.endsWith('…')).toBe(true);
		expect(label?.width).toBeLessThanOrEqual(60);
	});

	it('moves a label to the next free anchor, and drops it when every anchor is taken', () => {
		const fixed: DrawnLabel = { text: 'n1', fullText: 'n1', kind: 'name', x: 0, y: 0, width: 60, height: 20 };
		const board = new LabelBoard(fakeContext(), [fixed]);
		const moved = board.text({ ...base, variants: ['1/2'], kind: 'fraction', x: 10, y: 10, at: [{ x: 10, y: 40 }] });
		expect(moved).toMatchObject({ x: 10, y: 35 });
		expect(board.text({ ...base, variants: ['1/6'], kind: 'fraction', x: 5, y: 5, at: [{ x: 12, y: 40 }] })).toBeNull();
		const all = board.labels();
		for (let i = 0; i < all.length; i++) {
			for (let j = i + 1; j < all.length; j++) {
				expect(overlaps(all[i], all[j])).toBe(false);
			}
		}
	});

	it('reads the box from the alignment', () => {
		const board = new LabelBoard(fakeContext());
		expect(board.text({ ...base, variants: ['abcd'], kind: 'name', align: 'center', x: 100, y: 50 })).toMatchObject({ x: 88, width: 24 });
		expect(board.text({ ...base, variants: ['abcd'], kind: 'name', align: 'right', x: 200, y: 50 })).toMatchObject({ x: 176 });
	});
});
