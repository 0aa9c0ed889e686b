// The teacher's side of a classroom room: "Open a classroom room" asks the server for a room on this tab's sandbox and
// shows its code and addresses in a banner above the picture; the banner counts who watches, and says when the room has
// ended. Students never get the sandbox id: the room has its own code and topics.
import type { ClipboardLike } from '../analyzer/copyCurl';
import type { Fetch } from '../commands/commands';
import { errorOf } from './share';

/** A room as GET /api/v1/rooms/{code} describes it (docs/sandbox-api.md#classroom-rooms). */
export interface RoomInfo {
	code: string;
	display: string;
	joinPage: string;
	joinUrl: string;
	projectorUrl: string;
	forkUrl: string;
	watching: number;
	maxStudents: number;
	/** Only in the answer that opened the room, to its teacher: the teacher's page (pacing, dashboard, challenges). */
	teacherPage?: string;
}

export type RoomOutcome = { ok: true; room: RoomInfo } | { ok: false; status: number; message: string };

/** How often the banner asks how many watch. */
export const POLL_MS = 5000;

export function isRoomInfo(value: unknown): value is RoomInfo {
	if (typeof value !== 'object' || value === null) {
		return false;
	}
	const room = value as Record<string, unknown>;
	return ['code', 'display', 'joinPage', 'joinUrl', 'projectorUrl', 'forkUrl'].every((key) => typeof room[key] === 'string')
		&& typeof room.watching === 'number' && typeof room.maxStudents === 'number';
}

async function outcome(response: Response): Promise<RoomOutcome> {
	if (!response.ok) {
		return { ok: false, status: response.status, message: await errorOf(response) };
	}
	const body: unknown = await response.json().catch(() => null);
	return isRoomInfo(body) ? { ok: true, room: body }
		: { ok: false, status: response.status, message: 'The server answered something that is not a room.' };
}

/** Opens the room on a sandbox, or finds the one already open on it. */
export async function openRoom(fetcher: Fetch, rooms: string, sandbox: string): Promise<RoomOutcome> {
	return outcome(await fetcher(`${rooms}?sandbox=${encodeURIComponent(sandbox)}`,
		{ method: 'POST', headers: { Accept: 'application/json' } }));
}

export async function readRoom(fetcher: Fetch, rooms: string, code: string): Promise<RoomOutcome> {
	return outcome(await fetcher(`${rooms}/${encodeURIComponent(code)}`, { method: 'GET', headers: { Accept: 'application/json' } }));
}

/** Ends the room; only the sandbox it follows may. Returns an error message, or null. */
export async function closeRoom(fetcher: Fetch, rooms: string, code: string, sandbox: string): Promise<string | null> {
	const response = await fetcher(`${rooms}/${encodeURIComponent(code)}?sandbox=${encodeURIComponent(sandbox)}`,
		{ method: 'DELETE', headers: { Accept: 'application/json' } });
	return response.ok ? null : errorOf(response);
}

/** Whether an answer means the room is gone for good (rather than the server being briefly unreachable). */
export function roomIsGone(result: RoomOutcome): boolean {
	return !result.ok && (result.status === 404 || result.status === 410);
}

export function watchingText(watching: number, max: number): string {
	if (watching === 0) {
		return 'Nobody is watching yet.';
	}
	const who = watching === 1 ? '1 browser is watching' : `${watching} browsers are watching`;
	return watching >= max ? `${who}: the room is full (at most ${max}).` : `${who}.`;
}

/** An address without its scheme, as it reads on a banner or a projector: {@code localhost:8080/rooms}. */
export function shortAddress(url: string): string {
	return url.replace(/^https?:\/\//, '');
}

export interface ClassroomEnvironment {
	fetcher: Fetch;
	clipboard?: ClipboardLike;
	window: Window;
	/** The sandbox the room follows: the playground's primary one. */
	sandbox(): string;
	/** A line next to the button, for what went wrong or was copied. */
	say(text: string): void;
}

/** The banner and its buttons; the playground passes its clicks on. */
export class ClassroomBanner {
	private room: RoomInfo | null = null;
	private timer: number | null = null;

	constructor(private readonly banner: HTMLElement, private readonly openButton: HTMLElement | null,
		private readonly rooms: string, private readonly env: ClassroomEnvironment) {}

	get code(): string | null {
		return this.room?.code ?? null;
	}

	async open(): Promise<void> {
		const result = await openRoom(this.env.fetcher, this.rooms, this.env.sandbox()).catch(() => null);
		if (result === null) {
			this.env.say('The server cannot be reached.');
			return;
		}
		if (!result.ok) {
			this.env.say(result.message);
			return;
		}
		this.env.say('');
		this.show(result.room);
	}

	async close(): Promise<void> {
		const room = this.room;
		if (room === null) {
			return;
		}
		const error = await closeRoom(this.env.fetcher, this.rooms, room.code, this.env.sandbox()).catch(() => 'The server cannot be reached.');
		if (error !== null) {
			this.env.say(error);
			return;
		}
		this.hide(`Room ${room.display} is closed.`);
	}

	async copyLink(): Promise<void> {
		const room = this.room;
		if (room === null) {
			return;
		}
		try {
			if (this.env.clipboard === undefined) {
				throw new Error('no clipboard');
			}
			await this.env.clipboard.writeText(room.joinUrl);
			this.env.say(`Copied ${room.joinUrl}`);
		}
		catch {
			this.env.say(`Copy the link yourself: ${room.joinUrl}`);
		}
	}

	private show(room: RoomInfo): void {
		this.room = room;
		const set = (name: string, text: string, href?: string) => {
			const element = this.banner.querySelector<HTMLElement>(`[data-room="${name}"]`);
			if (element === null) {
				return;
			}
			element.textContent = text;
			if (href !== undefined && element instanceof HTMLAnchorElement) {
				element.href = href;
			}
		};
		set('code', room.display);
		set('join-page', shortAddress(room.joinPage), room.joinPage);
		set('join-url', shortAddress(room.joinUrl), room.joinUrl);
		this.banner.querySelector<HTMLAnchorElement>('[data-room="projector"]')?.setAttribute('href', room.projectorUrl);
		const teacher = this.banner.querySelector<HTMLAnchorElement>('[data-room="teacher"]');
		if (teacher !== null && typeof room.teacherPage === 'string') {
			teacher.href = room.teacherPage;
			teacher.hidden = false;
		}
		set('watching', watchingText(room.watching, room.maxStudents));
		this.banner.hidden = false;
		if (this.openButton !== null) {
			this.openButton.hidden = true;
		}
		if (this.timer === null) {
			this.timer = this.env.window.setInterval(() => void this.poll(), POLL_MS);
		}
	}

	private hide(message: string): void {
		this.room = null;
		this.banner.hidden = true;
		if (this.openButton !== null) {
			this.openButton.hidden = false;
		}
		if (this.timer !== null) {
			this.env.window.clearInterval(this.timer);
			this.timer = null;
		}
		this.env.say(message);
	}

	private async poll(): Promise<void> {
		const room = this.room;
		if (room === null) {
			return;
		}
		const result = await readRoom(this.env.fetcher, this.rooms, room.code).catch(() => null);
		if (result === null || this.room?.code !== room.code) {
			return;
		}
		if (result.ok) {
			this.show(result.room);
		}
		else if (roomIsGone(result)) {
			this.hide(result.message);
		}
	}
}

/** The classroom banner of a playground page, where it has one (the embed, lessons and challenges have none). */
export function classroomBanner(root: HTMLElement, env: Omit<ClassroomEnvironment, 'say'>): ClassroomBanner | null {
	const banner = root.querySelector<HTMLElement>('[data-part="room-banner"]');
	if (banner === null) {
		return null;
	}
	const button = root.querySelector<HTMLElement>('[data-control="open-room"]');
	const status = root.querySelector('[data-control="share-status"]');
	return new ClassroomBanner(banner, button, button?.dataset.rooms ?? '/api/v1/rooms', {
		...env,
		say: (text) => {
			if (status !== null) {
				status.textContent = text;
			}
		},
	});
}
