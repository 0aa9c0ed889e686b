// A lesson step's share of the progress: records each answered prediction, marks done steps in the step links with ✓
// (and "done" for screen readers), and notes questions answered on an earlier visit. The questions themselves always
// start unanswered: predict, then reveal.
import { type ProgressStore, type StepRecord } from './progressStore';

const DONE_CLASS = 'step-dot--done';

/**
 * Dispatched on the panel (bubbling) when a prediction is answered on this page, for the embed's postMessage bridge;
 * detail {@link PredictionAnswered}.
 */
export const PREDICTION_ANSWERED_EVENT = 'trafficlab:prediction-answered';

/** Dispatched on the panel (bubbling) once, when this page records the step as done; detail {@link StepCompleted}. */
export const STEP_COMPLETED_EVENT = 'trafficlab:step-completed';

export interface PredictionAnswered {
	lesson: string;
	step: number;
	question: number;
	/** The chosen choice's number (1-based, as the form posts it) and its text. */
	answer: number | null;
	answerText: string;
	correct: boolean;
}

export interface StepCompleted {
	lesson: string;
	step: number;
}

export function installStepProgress(panel: HTMLElement, store: ProgressStore): void {
	const lesson = panel.dataset.lessonId;
	const step = Number(panel.dataset.stepNumber);
	if (lesson === undefined || !Number.isInteger(step) || step < 1) {
		return;
	}
	const questionCount = panel.querySelectorAll('[data-question]').length;
	const before = store.read().lessons[lesson] ?? {};
	noteEarlierAnswers(panel, before[String(step)]);
	markDoneSteps(panel, before);

	const recorded = new Set<string>();
	// the answers already shown when the page loaded were given before: only new ones are told as events
	let loaded = false;
	let completed = false;
	const recordAnswered = (): void => {
		let changed = false;
		panel.querySelectorAll<HTMLElement>('[data-question]').forEach((question) => {
			const number = question.dataset.question ?? '';
			const explanation = question.querySelector<HTMLElement>('[data-explanation]');
			const verdict = explanation?.dataset.verdict;
			if (verdict !== undefined && !recorded.has(number)) {
				recorded.add(number);
				store.recordAnswer(lesson, step, Number(number), verdict === 'right', questionCount);
				changed = true;
				if (loaded) {
					tell<PredictionAnswered>(panel, PREDICTION_ANSWERED_EVENT, { lesson, step, question: Number(number),
						...chosen(question, explanation), correct: verdict === 'right' });
				}
			}
		});
		if (changed) {
			const steps = store.read().lessons[lesson] ?? {};
			markDoneSteps(panel, steps);
			// without storage (a sandboxed frame) the store remembers nothing: every question answered here is done too
			const done = steps[String(step)]?.done === true || (questionCount > 0 && recorded.size >= questionCount);
			if (done && loaded && !completed) {
				completed = true;
				tell<StepCompleted>(panel, STEP_COMPLETED_EVENT, { lesson, step });
			}
		}
	};
	recordAnswered();
	loaded = true;
	panel.ownerDocument.addEventListener('htmx:afterSwap', recordAnswered);
}

function tell<T>(panel: HTMLElement, type: string, detail: T): void {
	panel.dispatchEvent(new CustomEvent<T>(type, { bubbles: true, detail }));
}

/** The answer an answered question shows: its number (data-chosen) and the text of that choice. */
function chosen(question: HTMLElement, explanation: HTMLElement | undefined | null): { answer: number | null; answerText: string } {
	const number = Number(explanation?.dataset.chosen);
	if (!Number.isInteger(number) || number < 1) {
		return { answer: null, answerText: '' };
	}
	const choice = question.querySelectorAll<HTMLElement>('.choices--answered .choice-text')[number - 1];
	const text = choice === undefined ? '' : Array.from(choice.childNodes)
		.filter((node) => !(node instanceof Element && node.classList.contains('choice-tag')))
		.map((node) => node.textContent ?? '').join('').replace(/\s+/g, ' ').trim();
	return { answer: number, answerText: text };
}

function markDoneSteps(panel: HTMLElement, steps: Record<string, StepRecord>): void {
	panel.querySelectorAll<HTMLAnchorElement>('.step-dots a').forEach((link, index) => {
		if (steps[String(index + 1)]?.done !== true || link.classList.contains(DONE_CLASS)) {
			return;
		}
		link.classList.add(DONE_CLASS);
		const mark = panel.ownerDocument.createElement('span');
		mark.className = 'step-dot__mark';
		mark.setAttribute('aria-hidden', 'true');
		mark.textContent = '✓';
		link.append(mark);
		link.setAttribute('aria-label', `${link.getAttribute('aria-label') ?? `Step ${index + 1}`}, done`);
	});
}

function noteEarlierAnswers(panel: HTMLElement, record: StepRecord | undefined): void {
	if (record === undefined) {
		return;
	}
	panel.querySelectorAll<HTMLElement>('[data-question]').forEach((question) => {
		const form = question.querySelector('form');
		if (form === null || record.answers[question.dataset.question ?? ''] === undefined) {
			return;
		}
		const note = panel.ownerDocument.createElement('p');
		note.className = 'question-before small';
		note.dataset.answeredBefore = '';
		note.textContent = 'You answered this before.';
		form.before(note);
	});
}
