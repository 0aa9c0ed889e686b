// How far a learner got in one lesson, in words for the lessons index. Pure: no DOM, no storage.
import type { StepRecord } from './progressStore';

export interface LessonSummary {
	done: number;
	total: number;
	/** The first step not done yet, or null when every step is. */
	continueAt: number | null;
}

export function summarize(steps: Record<string, StepRecord> | undefined, total: number): LessonSummary {
	let done = 0;
	let continueAt: number | null = null;
	for (let step = 1; step <= total; step++) {
		if (steps?.[String(step)]?.done === true) {
			done++;
		}
		else if (continueAt === null) {
			continueAt = step;
		}
	}
	return { done, total, continueAt };
}

/** The index's line for a lesson, or null when the learner has not finished a step of it yet. */
export function summaryText(summary: LessonSummary): string | null {
	if (summary.done === 0) {
		return null;
	}
	if (summary.continueAt === null) {
		return '✓ Done';
	}
	return `${summary.done} of ${summary.total} ${summary.total === 1 ? 'step' : 'steps'} done`;
}
