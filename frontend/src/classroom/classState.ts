// A class in a room as the server describes it (GET /api/v1/rooms/{code}/class, and every message on
// /topic/rooms/{CODE}/class): the activity, the teacher's lesson step, the pacing, and per question of that step the
// count per option. Counts never say who answered what.

export type Activity = 'playground' | 'lesson' | 'challenge';
export type Pacing = 'held' | 'free';
export type Joins = 'open' | 'closed';
export type Showing = 'teacher' | 'solution';

export interface ClassChallenge {
	id: string;
	title: string;
}

export interface ClassLesson {
	id: string;
	title: string;
	step: number;
	steps: number;
	stepTitle: string;
}

export interface ClassQuestion {
	question: number;
	choices: number;
	answered: number;
	counts: number[];
	revealed: boolean;
	/** The 1-based right choice, once revealed. */
	correct: number | null;
}

export interface ClassState {
	code: string;
	generation: number;
	activity: Activity;
	lesson: ClassLesson | null;
	challenge: ClassChallenge | null;
	pacing: Pacing;
	joins: Joins;
	students: number;
	maxStudents: number;
	questions: ClassQuestion[];
	solved: number;
	showing: Showing;
	showingGeneration: number;
	/** Only in the answer to a teacher's reveal that the sandbox refused. */
	notice?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function isLesson(value: unknown): value is ClassLesson {
	return isRecord(value) && typeof value.id === 'string' && typeof value.step === 'number'
		&& typeof value.steps === 'number';
}

function isQuestion(value: unknown): value is ClassQuestion {
	return isRecord(value) && typeof value.question === 'number' && typeof value.answered === 'number'
		&& Array.isArray(value.counts) && value.counts.every((count) => typeof count === 'number')
		&& typeof value.revealed === 'boolean';
}

export function isClassState(value: unknown): value is ClassState {
	return isRecord(value) && typeof value.code === 'string' && typeof value.generation === 'number'
		&& ['playground', 'lesson', 'challenge'].includes(value.activity as string)
		&& (value.lesson === null || isLesson(value.lesson))
		&& typeof value.students === 'number'
		&& Array.isArray(value.questions) && value.questions.every(isQuestion);
}

/** "2 of 3 answered": how many of the room have answered a question. */
export function answeredText(answered: number, students: number): string {
	return `${answered} of ${Math.max(answered, students)} answered`;
}

export function studentsText(students: number, max: number): string {
	const who = students === 1 ? '1 student' : `${students} students`;
	return students >= max ? `${who} (the room is full)` : who;
}

/** "12 of 25 solved", for a challenge. */
export function solvedText(solved: number, students: number): string {
	return `${solved} of ${Math.max(solved, students)} solved`;
}

/** An option's bar: its share of the answers so far, in percent (0 while nobody has answered). */
export function barPercent(count: number, answered: number): number {
	return answered <= 0 ? 0 : Math.round((count / answered) * 1000) / 10;
}

/** The teacher's step, as "lesson/step", or null when the class is not on a lesson. */
export function teacherStep(state: ClassState): string | null {
	return state.lesson === null ? null : `${state.lesson.id}/${state.lesson.step}`;
}

/** The questions of the teacher's step that are revealed, as "1,3". */
export function revealedKey(state: ClassState): string {
	return state.questions.filter((question) => question.revealed).map((question) => question.question).join(',');
}
