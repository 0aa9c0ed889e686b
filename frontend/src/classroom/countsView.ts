// The live counts of the teacher's step, on the teacher's page and the projector: per question a bar per option with
// its count, "n of m answered", the right option marked once revealed; the students in the room; for a challenge,
// "k of n solved". The server renders the options' words for the step; this fills in the numbers.
import { answeredText, barPercent, solvedText, studentsText, teacherStep, type ClassQuestion, type ClassState } from './classState';

function setText(element: Element | null, text: string): void {
	if (element !== null && element.textContent !== text) {
		element.textContent = text;
	}
}

/** Writes the state's numbers into every counts block under root that shows the teacher's step. */
export function showCounts(root: ParentNode, state: ClassState): void {
	root.querySelectorAll('[data-part="students"]').forEach((element) => setText(element, studentsText(state.students, state.maxStudents)));
	root.querySelectorAll('[data-part="solved"]').forEach((element) => setText(element, solvedText(state.solved, state.students)));
	const step = teacherStep(state);
	root.querySelectorAll<HTMLElement>('[data-class-counts]').forEach((block) => {
		if (block.dataset.step !== step) {
			return;
		}
		for (const question of state.questions) {
			// the counts and, on the teacher's page, the Reveal button and explanation beside them
			block.querySelectorAll<HTMLElement>(`[data-question="${question.question}"]`).forEach((section) => {
				showQuestion(section, question, state.students);
			});
		}
	});
}

function showQuestion(section: HTMLElement, question: ClassQuestion, students: number): void {
	section.classList.toggle('class-question--revealed', question.revealed);
	section.querySelectorAll<HTMLElement>('[data-choice]').forEach((row) => {
		const choice = Number(row.dataset.choice);
		const count = question.counts[choice - 1] ?? 0;
		setText(row.querySelector('[data-part="count"]'), String(count));
		const fill = row.querySelector<HTMLElement>('[data-part="fill"]');
		if (fill !== null) {
			fill.style.width = `${barPercent(count, question.answered)}%`;
		}
		const correct = question.revealed && question.correct === choice;
		row.classList.toggle('class-count--correct', correct);
		const tag = row.querySelector<HTMLElement>('[data-part="correct-tag"]');
		if (tag !== null) {
			tag.hidden = !correct;
		}
	});
	setText(section.querySelector('[data-part="answered"]'), answeredText(question.answered, students));
	section.querySelectorAll<HTMLElement>('[data-part="explanation"]').forEach((explanation) => {
		explanation.hidden = !question.revealed;
	});
	section.querySelectorAll<HTMLButtonElement>('[data-teacher-action="reveal"]').forEach((button) => {
		button.disabled = question.revealed;
		setText(button, question.revealed ? 'Revealed' : 'Reveal the answer');
	});
}
