// The challenge side of a student's room page and the projector, told each class state: the note while the teacher
// shows a student's sandbox (and the canvas resynchronised when that changes), and the invitation to the challenge set.
import { isChallengeCallState, showChallengeCall } from './challengeCall';
import type { ClassState } from './classState';
import { ShowingWatch } from './showingSolution';

export function installChallengeSide(doc: Document, resync: () => void): (state: ClassState) => void {
	const watch = new ShowingWatch(Array.from(doc.querySelectorAll<HTMLElement>('[data-part="showing-note"]')), resync);
	const call = doc.querySelector<HTMLElement>('[data-part="challenge-call"]');
	return (state) => {
		watch.update(state);
		if (call !== null && isChallengeCallState(state)) {
			showChallengeCall(call, state);
		}
	};
}
