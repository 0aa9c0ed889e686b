import { describe, expect, it } from 'vitest';
import { SHOWING_NOTE, ShowingWatch, showingNote } from '../../src/classroom/showingSolution';

const note = (): HTMLElement => ({ textContent: '', hidden: true }) as unknown as HTMLElement;

describe('showingNote', () => {
	it('says nothing while the teacher’s sandbox shows, and never names the student', () => {
		expect(showingNote({ showing: 'teacher', showingGeneration: 0 })).toBeNull();
		expect(showingNote({ showing: 'solution', showingGeneration: 1 })).toBe('Showing a student’s solution');
	});
});

describe('ShowingWatch', () => {
	it('resyncs when the source changes, not on the first message nor on the same source', () => {
		let resyncs = 0;
		const shown = note();
		const watch = new ShowingWatch([shown], () => resyncs++);
		watch.update({ showing: 'solution', showingGeneration: 3 });
		expect(resyncs).toBe(0);
		expect(shown.hidden).toBe(false);
		expect(shown.textContent).toBe(SHOWING_NOTE);
		watch.update({ showing: 'solution', showingGeneration: 3 });
		expect(resyncs).toBe(0);
		watch.update({ showing: 'teacher', showingGeneration: 4 });
		expect(resyncs).toBe(1);
		expect(shown.hidden).toBe(true);
		expect(shown.textContent).toBe('');
	});
});
