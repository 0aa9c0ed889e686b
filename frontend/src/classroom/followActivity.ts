// The first rooms' read-only page (a room opened on the playground) follows the class only so far as to notice when
// the teacher changes what the class does, say sets a challenge: it reloads, and the server sends the student where
// that leads (their own challenge page, or the lesson step).
import type { Fetch } from '../commands/commands';
import { streamUrl } from '../stream/streamUrl';
import { ClassFeed } from './classFeed';
import type { Activity } from './classState';

/** Watches one class's activity: the first state read is what the page was made for; a different one is news. */
export class ActivityWatch {
	private first: Activity | null = null;

	/** Whether this activity differs from the one the page was made for. */
	changed(activity: Activity): boolean {
		if (this.first === null) {
			this.first = activity;
			return false;
		}
		return activity !== this.first;
	}
}

/** Reloads the page when the class's activity changes; the feed ends with the room. */
export function followActivity(main: HTMLElement, room: HTMLElement, location: Location, fetcher: Fetch): ClassFeed | null {
	const topic = main.dataset.followClass;
	const api = room.dataset.roomApi;
	if (topic === undefined || api === undefined) {
		return null;
	}
	const watch = new ActivityWatch();
	const feed = new ClassFeed({
		brokerURL: streamUrl(location, room.dataset.endpoint ?? '/ws', { room: room.dataset.roomCode ?? '' }),
		topic,
		stateUrl: `${api}/class`,
		fetcher,
	}, (state) => {
		if (watch.changed(state.activity)) {
			location.reload();
		}
	});
	feed.start();
	return feed;
}
