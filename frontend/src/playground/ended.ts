// The playground's sandbox has ended: unused too long, or the server it lived on stopped (with several instances behind
// a load balancer, an instance that dies takes its sandboxes with it). The picture stays, dimmed; a notice says why in
// the server's words and offers to start again (the page as it was opened: it creates a new sandbox) and, when the page
// knows the state it had reached (its latest permalink), to reopen that state in a new sandbox.
import type { Fetch } from '../commands/commands';
import type { Permalink } from './share';

/** How long after the last accepted command the page asks for the permalink: a burst of commands asks once. */
export const PERMALINK_DELAY_MS = 1500;

/**
 * The latest permalink of the page's sandbox, asked for a moment after each accepted command (GET .../permalink), and
 * taken from "Copy link": once the sandbox is gone it is too late to ask.
 */
export class PermalinkMemory {
	private latest: Permalink | null = null;
	private pending: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly fetcher: Fetch, private readonly api: () => string,
		private readonly delayMs = PERMALINK_DELAY_MS) {
	}

	/** The newest known, or null when none was read (the page shows its start, which "start again" reopens). */
	get known(): Permalink | null {
		return this.latest;
	}

	/** The sandbox changed: read its permalink once the commands have settled. */
	changed(): void {
		clearTimeout(this.pending);
		this.pending = setTimeout(() => void this.read(), this.delayMs);
	}

	/** A permalink the page read for another reason ("Copy link"). */
	remember(permalink: Permalink): void {
		this.latest = permalink;
	}

	/** Stops asking: the sandbox is gone. */
	stop(): void {
		clearTimeout(this.pending);
	}

	private async read(): Promise<void> {
		const response = await this.fetcher(`${this.api()}/permalink`, { method: 'GET', headers: { Accept: 'application/json' } })
			.catch(() => null);
		const body: unknown = response?.ok === true ? await response.json().catch(() => null) : null;
		if (isPermalink(body)) {
			this.latest = body;
		}
	}
}

export function isPermalink(value: unknown): value is Permalink {
	return typeof value === 'object' && value !== null && typeof (value as Permalink).url === 'string'
		&& typeof (value as Permalink).changedSinceStart === 'boolean';
}

/** What the notice offers: the reason, the page to start again from, and the state to reopen (null: nothing to add). */
export interface EndedOffer {
	reason: string;
	startAgain: string;
	reopen: string | null;
}

/**
 * The notice's words and links. A permalink of a sandbox that never changed is the page's own start, so it adds
 * nothing; a lesson step shares its own URL with the state (shareLink).
 */
export function endedOffer(reason: string, pageUrl: string, permalink: Permalink | null,
	shareLink: (permalink: Permalink) => string = (p) => p.url): EndedOffer {
	const reopen = permalink !== null && permalink.changedSinceStart ? shareLink(permalink) : null;
	return { reason, startAgain: pageUrl, reopen };
}

/** Shows the offer in the page's notice ([data-part="sandbox-ended"]), if the page has one. */
export function showEnded(root: HTMLElement, offer: EndedOffer): void {
	const notice = root.querySelector<HTMLElement>('[data-part="sandbox-ended"]');
	if (notice === null) {
		return;
	}
	root.classList.add('playground-root--ended');
	const reason = notice.querySelector('[data-part="sandbox-ended-reason"]');
	if (reason !== null) {
		reason.textContent = offer.reason;
	}
	notice.querySelector<HTMLAnchorElement>('[data-control="start-again"]')?.setAttribute('href', offer.startAgain);
	const reopen = notice.querySelector<HTMLAnchorElement>('[data-control="reopen-state"]');
	const reopenItem = notice.querySelector<HTMLElement>('[data-part="reopen"]');
	if (reopen !== null && offer.reopen !== null) {
		reopen.setAttribute('href', offer.reopen);
	}
	if (reopenItem !== null) {
		reopenItem.hidden = offer.reopen === null;
	}
	notice.hidden = false;
}
