// What the learner hears when the polled checklist changes, and the hint button's words. Pure: no DOM.

export interface CheckState {
	achieved: boolean;
	holding: number;
	total: number;
	/** The fragment's message when the goal cannot be checked (the sandbox ended), else null. */
	problem: string | null;
}

/** The announcement for a new checklist, or null when nothing the learner needs to hear changed. */
export function checkAnnouncement(previous: CheckState | null, next: CheckState): string | null {
	if (next.problem !== null) {
		return previous?.problem === next.problem ? null : next.problem;
	}
	if (previous === null) {
		return null;
	}
	if (next.achieved && !previous.achieved) {
		return 'Solved! Every condition holds. The solution is below the checklist.';
	}
	if (!next.achieved && previous.achieved) {
		return `The goal no longer holds: ${next.holding} of ${next.total} conditions hold.`;
	}
	if (next.holding !== previous.holding || next.total !== previous.total) {
		return `${next.holding} of ${next.total} conditions hold.`;
	}
	return null;
}

/** The hint button's label once {@code shown} of {@code total} hints are showing. */
export function hintLabel(shown: number, total: number): string {
	if (shown >= total) {
		return total === 1 ? 'The hint is shown' : `All ${total} hints shown`;
	}
	return shown === 0 ? `Show a hint (1 of ${total})` : `Show another hint (${shown + 1} of ${total})`;
}
