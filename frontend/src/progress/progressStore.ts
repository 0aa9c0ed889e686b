// The learner's progress, kept in this browser's localStorage only (no account, no cookie). Every read and write fails
// soft: without storage (a sandboxed iframe, private mode, a full quota) the pages work and simply remember nothing.

export const STORAGE_KEY = 'trafficlab.progress';

export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** One lesson step: each answered question's number with whether the prediction was right. */
export interface StepRecord {
	answers: Record<string, boolean>;
	done: boolean;
}

export interface Progress {
	/** Lesson id → step number → record. */
	lessons: Record<string, Record<string, StepRecord>>;
	/** Ids of solved challenges. */
	solved: string[];
}

export function emptyProgress(): Progress {
	return { lessons: {}, solved: [] };
}

/** Whether a step's every prediction was right; false until the step is done. */
export function stepRight(step: StepRecord | undefined): boolean {
	return step !== undefined && step.done && Object.values(step.answers).every((right) => right);
}

export class ProgressStore {
	constructor(private readonly storage: KeyValueStorage | undefined) {}

	/** Whether there is a storage to remember in at all. */
	get available(): boolean {
		return this.storage !== undefined;
	}

	read(): Progress {
		try {
			return parseProgress(this.storage?.getItem(STORAGE_KEY) ?? null);
		}
		catch {
			return emptyProgress();
		}
	}

	/** Notes an answered question; the step is done once all {@code questionCount} of its questions are answered. */
	recordAnswer(lesson: string, step: number, question: number, right: boolean, questionCount: number): void {
		this.update((progress) => {
			const steps = (progress.lessons[lesson] ??= {});
			const record = (steps[String(step)] ??= { answers: {}, done: false });
			record.answers[String(question)] = right;
			record.done = record.done || Object.keys(record.answers).length >= questionCount;
		});
	}

	recordSolved(challenge: string): void {
		this.update((progress) => {
			if (!progress.solved.includes(challenge)) {
				progress.solved.push(challenge);
			}
		});
	}

	forgetLessons(): void {
		this.update((progress) => {
			progress.lessons = {};
		});
	}

	forgetChallenges(): void {
		this.update((progress) => {
			progress.solved = [];
		});
	}

	/** Read, change, write back at once, so another tab's progress since this page loaded is kept. */
	private update(change: (progress: Progress) => void): void {
		const progress = this.read();
		change(progress);
		try {
			const empty = Object.keys(progress.lessons).length === 0 && progress.solved.length === 0;
			if (empty) {
				this.storage?.removeItem(STORAGE_KEY);
			}
			else {
				this.storage?.setItem(STORAGE_KEY, JSON.stringify(progress));
			}
		}
		catch {
			// Quota exceeded or storage refused: this answer is not remembered, the page goes on
		}
	}
}

/** The stored JSON as progress; anything unreadable (corrupted, hand-edited, another shape) counts as none. */
export function parseProgress(json: string | null): Progress {
	const progress = emptyProgress();
	if (json === null) {
		return progress;
	}
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	}
	catch {
		return progress;
	}
	if (!isObject(raw)) {
		return progress;
	}
	if (isObject(raw.lessons)) {
		for (const [lesson, steps] of Object.entries(raw.lessons)) {
			if (!isObject(steps)) {
				continue;
			}
			const kept: Record<string, StepRecord> = {};
			for (const [step, record] of Object.entries(steps)) {
				const parsed = parseStep(record);
				if (/^[1-9]\d*$/.test(step) && parsed !== null) {
					kept[step] = parsed;
				}
			}
			if (Object.keys(kept).length > 0) {
				progress.lessons[lesson] = kept;
			}
		}
	}
	if (Array.isArray(raw.solved)) {
		progress.solved = raw.solved.filter((id): id is string => typeof id === 'string');
	}
	return progress;
}

function parseStep(record: unknown): StepRecord | null {
	if (!isObject(record) || !isObject(record.answers) || typeof record.done !== 'boolean') {
		return null;
	}
	const answers: Record<string, boolean> = {};
	for (const [question, right] of Object.entries(record.answers)) {
		if (typeof right === 'boolean') {
			answers[question] = right;
		}
	}
	return { answers, done: record.done };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
