// A page of a class in a room: the teacher's, a student's or the projector's. Each follows the class topic: the counts
// and the switches show the class as it is, and the lesson panel follows the teacher's step. The teacher's page also
// sends the teacher's commands. The page's [data-class] element says where everything is.
import type { Fetch } from '../commands/commands';
import { streamUrl } from '../stream/streamUrl';
import { ClassFeed } from './classFeed';
import { PanelFollower } from './classPanel';
import type { ClassState } from './classState';
import { showCounts } from './countsView';
import { installTeacherActions, showSwitches } from './teacherActions';

interface HtmxGlobal {
	ajax(verb: string, path: string, context: { target: Element; swap: string }): Promise<void>;
}

export interface ClassPageEnvironment {
	window: Window;
	document: Document;
	fetcher: Fetch;
	/** Also told each new state (the challenge side: classroom/challengeSide.ts). */
	onState?: (state: ClassState) => void;
}

export interface ClassPageHook {
	/** The newest class state the page has shown, for the browser tests. */
	state(): ClassState | null;
}

export function installClassPage(root: HTMLElement, env: ClassPageEnvironment): ClassPageHook & { stop(): Promise<void> } {
	const data = root.dataset;
	const doc = env.document;
	const roomApi = data.roomApi ?? '';
	const announcer = doc.querySelector<HTMLElement>('[data-part="class-announcer"]');
	let latest: ClassState | null = null;
	const follower = new PanelFollower({
		document: doc,
		htmx: () => (env.window as Window & { htmx?: HtmxGlobal }).htmx,
		reload: () => env.window.location.reload(),
		announce: (text) => {
			if (announcer !== null) {
				announcer.textContent = text;
			}
		},
		swapped: (panel) => {
			nameTheStep(doc, panel);
			if (latest !== null) {
				showCounts(doc, latest);
			}
		},
	});
	const show = (state: ClassState) => {
		latest = state;
		showCounts(doc, state);
		showSwitches(doc, state);
		follower.update(state);
		env.onState?.(state);
	};
	const feed = new ClassFeed({
		brokerURL: streamUrl(env.window.location, data.endpoint ?? '/ws', { room: data.roomCode ?? '' }),
		topic: data.classTopic ?? '',
		stateUrl: `${roomApi}/class`,
		fetcher: env.fetcher,
	}, show, () => ended(doc));
	if (data.role === 'teacher') {
		installTeacherActions(root, {
			fetcher: env.fetcher,
			roomApi,
			changed: (state) => feed.offer(state),
			ended: () => ended(doc),
			confirm: (text) => env.window.confirm(text),
		});
	}
	feed.start();
	return { state: () => latest, stop: () => feed.stop() };
}

/** The room is over: its controls go, a notice says so (the room watcher says the same on a student's canvas). */
function ended(doc: Document): void {
	doc.querySelectorAll<HTMLElement>('[data-part="class-ended"]').forEach((notice) => {
		notice.hidden = false;
	});
	doc.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[data-teacher-action], [data-class-panel] button, [data-class-panel] input')
		.forEach((control) => {
			control.disabled = true;
		});
}

/** The canvas's heading names the step the new panel shows, as the server-rendered page did. */
function nameTheStep(doc: Document, panel: HTMLElement): void {
	const { stepTitle, stepDescription } = panel.dataset;
	const stage = doc.querySelector<HTMLElement>('[data-start-title]');
	if (stage === null || stepTitle === undefined) {
		return;
	}
	stage.dataset.startTitle = stepTitle;
	stage.dataset.startDescription = stepDescription ?? '';
	doc.querySelectorAll('[data-preset-title]').forEach((element) => {
		element.textContent = stepTitle;
	});
	doc.querySelectorAll('[data-preset-description]').forEach((element) => {
		element.textContent = stepDescription ?? '';
	});
}
