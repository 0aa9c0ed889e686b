import { describe, expect, it } from 'vitest';
import { summarize, summaryText } from '../../src/progress/lessonSummary';

const done = { answers: { 1: true }, done: true };
const started = { answers: { 1: true }, done: false };

describe('summarize', () => {
	it('continues at step 1 when nothing is done', () => {
		expect(summarize(undefined, 4)).toEqual({ done: 0, total: 4, continueAt: 1 });
		expect(summaryText(summarize(undefined, 4))).toBeNull();
	});

	it('continues at the first step not done, even before a done one', () => {
		const summary = summarize({ 1: done, 2: started, 3: done }, 4);
		expect(summary).toEqual({ done: 2, total: 4, continueAt: 2 });
		expect(summaryText(summary)).toBe('2 of 4 steps done');
	});

	it('is done when every step is, ignoring steps the lesson no longer has', () => {
		expect(summarize({ 1: done, 2: done, 3: done, 9: done }, 3)).toEqual({ done: 3, total: 3, continueAt: null });
		expect(summaryText(summarize({ 1: done }, 1))).toBe('✓ Done');
	});
});
