// The marks on /lessons and /challenges: "3 of 4 steps done" with "Continue at step 4" (or ✓ Done) on each lesson,
// ✓ Solved on each solved challenge, and "Forget my progress". The server-rendered page is complete without them.
import { summarize, summaryText } from './lessonSummary';
import { type ProgressStore } from './progressStore';

/** Adds the marks; returns a function that draws them again (after the page comes back from the back-forward cache). */
export function installIndexMarks(doc: Document, store: ProgressStore): () => void {
	const tools = doc.querySelector<HTMLElement>('[data-progress-tools]');
	const render = (): boolean => {
		const lessons = markLessons(doc, store);
		const challenges = markChallenges(doc, store);
		return lessons || challenges;
	};
	const refresh = (): void => {
		if (render() && tools !== null) {
			showForget(tools, true);
		}
	};
	refresh();
	const button = tools?.querySelector<HTMLButtonElement>('[data-control="forget-progress"]');
	if (tools === null || button == null) {
		return refresh;
	}
	button.addEventListener('click', () => {
		if (tools.dataset.progressTools === 'challenges') {
			store.forgetChallenges();
		}
		else {
			store.forgetLessons();
		}
		const left = render();
		showForget(tools, left);
		const note = tools.querySelector<HTMLElement>('[data-progress-note]');
		if (note !== null) {
			note.textContent = left ? 'This browser refused to change its storage; the progress is still kept.'
				: 'Your progress is forgotten: this browser no longer keeps it.';
			note.focus();
		}
	});
	return refresh;
}

function showForget(tools: HTMLElement, canForget: boolean): void {
	tools.hidden = false;
	const button = tools.querySelector<HTMLButtonElement>('[data-control="forget-progress"]');
	if (button !== null) {
		button.hidden = !canForget;
	}
}

function markLessons(doc: Document, store: ProgressStore): boolean {
	const progress = store.read();
	let marked = false;
	doc.querySelectorAll<HTMLElement>('[data-progress-lesson]').forEach((card) => {
		const line = card.querySelector<HTMLElement>('[data-progress-line]');
		if (line === null) {
			return;
		}
		const summary = summarize(progress.lessons[card.dataset.progressLesson ?? ''], Number(card.dataset.progressSteps));
		const text = summaryText(summary);
		line.replaceChildren();
		line.hidden = text === null;
		line.classList.toggle('progress-line--done', summary.continueAt === null);
		if (text === null) {
			return;
		}
		marked = true;
		const status = doc.createElement('span');
		status.textContent = text;
		line.append(status);
		if (summary.continueAt !== null) {
			const link = doc.createElement('a');
			link.href = `${card.dataset.progressStepBase ?? ''}${summary.continueAt}`;
			link.textContent = `Continue at step ${summary.continueAt}`;
			link.dataset.progressContinue = '';
			line.append(' · ', link);
		}
	});
	return marked;
}

function markChallenges(doc: Document, store: ProgressStore): boolean {
	const solved = store.read().solved;
	let marked = false;
	doc.querySelectorAll<HTMLElement>('[data-progress-challenge]').forEach((card) => {
		const line = card.querySelector<HTMLElement>('[data-progress-line]');
		if (line !== null) {
			line.hidden = !solved.includes(card.dataset.progressChallenge ?? '');
			marked ||= !line.hidden;
		}
	});
	return marked;
}
