import { describe, expect, it } from 'vitest';
import { Generations } from '../../src/classroom/classFeed';
import { panelMove, type PanelShown } from '../../src/classroom/classPanel';
import { answeredText, barPercent, isClassState, revealedKey, solvedText, studentsText, teacherStep, type ClassState } from '../../src/classroom/classState';
import { teacherRequest } from '../../src/classroom/teacherActions';

function state(changes: Partial<ClassState> = {}): ClassState {
	return {
		code: 'K7F2QX', generation: 12, activity: 'lesson',
		lesson: { id: 'uneven-distribution', title: 'The uneven-distribution problem', step: 2, steps: 4, stepTitle: 'It is the count per node' },
		challenge: null, pacing: 'free', joins: 'open', students: 3, maxStudents: 200,
		questions: [{ question: 1, choices: 3, answered: 2, counts: [0, 2, 0], revealed: false, correct: null }],
		solved: 0, showing: 'teacher', showingGeneration: 0,
		...changes,
	};
}

const SHOWN: PanelShown = { activity: 'lesson', lesson: 'uneven-distribution', step: 2, teacherStep: 2, pacing: 'free', revealed: '' };

describe('the class state', () => {
	it('reads the contract’s example and refuses what is not a class', () => {
		expect(isClassState(JSON.parse(JSON.stringify(state())))).toBe(true);
		expect(isClassState({ ...state(), activity: 'quiz' })).toBe(false);
		expect(isClassState({ ...state(), questions: [{ question: 1 }] })).toBe(false);
		expect(isClassState({ code: 'K7F2QX' })).toBe(false);
		expect(isClassState(null)).toBe(false);
	});

	it('words counts for a room', () => {
		expect(answeredText(2, 3)).toBe('2 of 3 answered');
		expect(answeredText(4, 3)).toBe('4 of 4 answered');
		expect(studentsText(1, 200)).toBe('1 student');
		expect(studentsText(3, 200)).toBe('3 students');
		expect(studentsText(2, 2)).toBe('2 students (the room is full)');
		expect(solvedText(12, 25)).toBe('12 of 25 solved');
		expect(barPercent(1, 3)).toBe(33.3);
		expect(barPercent(0, 0)).toBe(0);
	});

	it('names the teacher’s step and the revealed questions', () => {
		expect(teacherStep(state())).toBe('uneven-distribution/2');
		expect(teacherStep(state({ lesson: null, activity: 'playground' }))).toBeNull();
		expect(revealedKey(state({ questions: [
			{ question: 1, choices: 3, answered: 2, counts: [0, 2, 0], revealed: true, correct: 2 },
			{ question: 2, choices: 2, answered: 0, counts: [0, 0], revealed: false, correct: null },
		] }))).toBe('1');
	});

	it('keeps only newer generations', () => {
		const generations = new Generations();
		expect(generations.accept(state({ generation: 3 }))).toBe(true);
		expect(generations.accept(state({ generation: 2 }))).toBe(false);
		expect(generations.accept(state({ generation: 3 }))).toBe(false);
		expect(generations.accept(state({ generation: 4 }))).toBe(true);
	});
});

describe('the panel follows the class', () => {
	it('stays while nothing it shows has changed', () => {
		expect(panelMove(SHOWN, state())).toEqual({ kind: 'stay' });
	});

	it('goes to the teacher’s new step', () => {
		expect(panelMove(SHOWN, state({ lesson: { ...state().lesson!, step: 3 } })))
			.toEqual({ kind: 'load', step: 3, followed: true });
		// a student browsing elsewhere follows too when the teacher moves
		expect(panelMove({ ...SHOWN, step: 1 }, state({ lesson: { ...state().lesson!, step: 3 } })))
			.toEqual({ kind: 'load', step: 3, followed: true });
	});

	it('renders the step again once a question of it is revealed, to mark the student’s own answer', () => {
		const revealed = state({ questions: [{ question: 1, choices: 3, answered: 2, counts: [0, 2, 0], revealed: true, correct: 2 }] });
		expect(panelMove(SHOWN, revealed)).toEqual({ kind: 'load', step: 2, followed: false });
		expect(panelMove({ ...SHOWN, revealed: '1' }, revealed)).toEqual({ kind: 'stay' });
		// a student looking at another step is not disturbed by the reveal
		expect(panelMove({ ...SHOWN, step: 1 }, revealed)).toEqual({ kind: 'stay' });
	});

	it('brings a student ahead back when the teacher holds the class, and redraws the steps when the pacing changes', () => {
		expect(panelMove({ ...SHOWN, step: 3 }, state({ pacing: 'held' }))).toEqual({ kind: 'load', step: 2, followed: true });
		expect(panelMove({ ...SHOWN, step: 1 }, state({ pacing: 'held' }))).toEqual({ kind: 'load', step: 1, followed: false });
	});

	it('reloads the page when the class turns to another activity', () => {
		expect(panelMove(SHOWN, state({ activity: 'challenge' }))).toEqual({ kind: 'reload-page' });
	});
});

describe('the teacher’s requests', () => {
	const api = '/api/v1/rooms/K7F2QX';

	it('maps each control to the room API', () => {
		expect(teacherRequest(api, 'reveal', { question: '1' })).toEqual({ method: 'POST', url: `${api}/reveal?question=1` });
		expect(teacherRequest(api, 'step', { step: '3' })).toEqual({ method: 'PUT', url: `${api}/step?step=3` });
		expect(teacherRequest(api, 'pacing', {}, 'held')).toEqual({ method: 'PUT', url: `${api}/pacing?value=held` });
		expect(teacherRequest(api, 'joins', {}, 'closed')).toEqual({ method: 'PUT', url: `${api}/joins?value=closed` });
		expect(teacherRequest(api, 'end', {})).toEqual({ method: 'DELETE', url: api });
	});

	it('sends nothing for a control that names nothing it knows', () => {
		expect(teacherRequest(api, 'reveal', {})).toBeNull();
		expect(teacherRequest(api, 'pacing', {}, 'fast')).toBeNull();
		expect(teacherRequest(api, 'advance', {})).toBeNull();
	});
});
