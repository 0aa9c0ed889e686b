// A room's pages (a student's, the projector) while the teacher shows a student's sandbox: the room's stream carries
// that sandbox instead of the teacher's, so the canvas starts over from a new snapshot each time the source changes
// (the class message's showingGeneration), and a note says whose picture it is, never naming the student.

/** The part of the class message (ClassJson, /topic/rooms/{CODE}/class) this module reads. */
export interface ShowingState {
	/** "teacher" while the room shows the teacher's sandbox, "solution" while it shows a student's. */
	showing: string;
	showingGeneration: number;
}

export const SHOWING_NOTE = 'Showing a student’s solution';

/** The note to show, or null while the room shows the teacher's own sandbox. */
export function showingNote(state: ShowingState): string | null {
	return state.showing === 'teacher' ? null : SHOWING_NOTE;
}

/**
 * Follows the class messages of one page: {@code resync} when the stream's source changed since the last message
 * (not on the first: the page's first snapshot already came from the source of the moment), and the note shown or
 * hidden.
 */
export class ShowingWatch {
	private generation: number | null = null;

	constructor(private readonly notes: readonly HTMLElement[], private readonly resync: () => void) {}

	update(state: ShowingState): void {
		if (this.generation !== null && state.showingGeneration !== this.generation) {
			this.resync();
		}
		this.generation = state.showingGeneration;
		const note = showingNote(state);
		for (const element of this.notes) {
			element.textContent = note ?? '';
			element.hidden = note === null;
		}
	}
}
