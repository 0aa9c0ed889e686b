// A student's room page while the teacher has a challenge set: "Your teacher set a challenge: <title> — Start",
// linking to the student's own challenge page. Shown and hidden as the class messages say; the title is text.

/** The part of the class message (ClassJson) this module reads. */
export interface ChallengeCallState {
	activity: string;
	challenge: { id: string; title: string } | null;
}

/** The challenge's title to invite the student to, or null when the class is not on a challenge. */
export function challengeTitle(state: ChallengeCallState): string | null {
	return state.activity === 'challenge' && state.challenge !== null ? state.challenge.title : null;
}

/** Whether a class message reads as the part this module needs. */
export function isChallengeCallState(value: unknown): value is ChallengeCallState {
	if (typeof value !== 'object' || value === null) {
		return false;
	}
	const record = value as Record<string, unknown>;
	const challenge = record.challenge;
	return typeof record.activity === 'string' && (challenge === null || (typeof challenge === 'object'
		&& challenge !== undefined && typeof (challenge as Record<string, unknown>).title === 'string'));
}

/** Shows {@code call} (its {@code [data-part="challenge-title"]} says which) or hides it. */
export function showChallengeCall(call: HTMLElement, state: ChallengeCallState): void {
	const title = challengeTitle(state);
	const text = call.querySelector<HTMLElement>('[data-part="challenge-title"]');
	if (text !== null && title !== null) {
		text.textContent = title;
	}
	call.hidden = title === null;
}
