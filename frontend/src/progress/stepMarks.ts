// A lesson step's share of the progress: records each answered prediction, marks done steps in the step links with ✓
// (and "done" for screen readers), and notes questions answered on an earlier visit. The questions themselves always
// start unanswered: predict, then reveal.
import { type ProgressStore, type StepRecord } from './progressStore';

const DONE_CLASS = 'step-dot--done';

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
	const recordAnswered = (): void => {
		let changed = false;
		panel.querySelectorAll<HTMLElement>('[data-question]').forEach((question) => {
			const number = question.dataset.question ?? '';
			const verdict = question.querySelector<HTMLElement>('[data-explanation]')?.dataset.verdict;
			if (verdict !== undefined && !recorded.has(number)) {
				recorded.add(number);
				store.recordAnswer(lesson, step, Number(number), verdict === 'right', questionCount);
				changed = true;
			}
		});
		if (changed) {
			markDoneSteps(panel, store.read().lessons[lesson] ?? {});
		}
	};
	recordAnswered();
	panel.ownerDocument.addEventListener('htmx:afterSwap', recordAnswered);
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
