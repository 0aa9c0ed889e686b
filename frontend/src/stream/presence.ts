// Whether what a stream watches is still there, asked before every (re)connection over HTTP: a stream that
// reconnected to a sandbox that ended would wait for batches forever. When it is gone the server says why in its
// {"errors": [...]} body (it ended unused, or the server it lived on stopped: SandboxRegistry.whyMissing), and the
// page shows those words rather than a guess of its own.
import { isApiErrors } from '../protocol/events';

/** Still there; or gone, with the server's words when its answer had some. */
export type Presence = { live: true } | { live: false; words: string | null };

export const LIVE: Presence = { live: true };

/** A sandbox is gone when a read of it answers 404. */
export function sandboxGone(status: number): boolean {
	return status === 404;
}

/** What an answer to a read of the watched thing says of it: gone when {@code gone(status)}, with the body's words. */
export async function presenceOf(response: Response, gone: (status: number) => boolean = sandboxGone): Promise<Presence> {
	if (!gone(response.status)) {
		return LIVE;
	}
	const body: unknown = await response.json().catch(() => null);
	return { live: false, words: firstError(body) };
}

/** The first of the server's words in an {"errors": [...]} body; null for any other body. */
export function firstError(body: unknown): string | null {
	if (!isApiErrors(body)) {
		return null;
	}
	const first: unknown = body.errors[0];
	return typeof first === 'string' && first !== '' ? first : null;
}
