// Wires the postMessage bridge into an embed page (main.ts calls it): the window's messages, the parent, the page's
// controls and ids, the content's height, and the DOM events the playground, the lesson panel and the challenge panel
// dispatch (SCENE_CHANGED_EVENT, COMMAND_EVENT, PREDICTION_ANSWERED_EVENT, STEP_COMPLETED_EVENT).
import type { Fetch } from '../commands/commands';
import type { Playground } from '../playground/playground';
import { SCENE_CHANGED_EVENT } from '../playground/sandboxView';
import { PREDICTION_ANSWERED_EVENT, STEP_COMPLETED_EVENT } from '../progress/stepMarks';
import { COMMAND_EVENT } from '../protocol/commandOutcome';
import { EmbedBridge, type LiveSandbox } from './bridge';
import type { Choices, EmbedKind, Policy } from './envelope';
import { h5pAction, HeightReporter, wordpressSecret } from './height';
import { parentOrigin } from './origins';

/** How long after a command the state is asked for, so a burst of commands asks once (as "Copy link" would). */
const STATE_DEBOUNCE_MS = 400;

export interface EmbedWiring {
	/** The page's playground exists: the bridge drives it once its first scene is there. */
	attach(playground: Playground, fetcher: Fetch): void;
	/** The challenge check passed. */
	challengeSolved(challenge: string): void;
}

/** The embed kind its URL names: /embed?lesson=…, /embed?challenge=…, else the playground. */
export function embedKind(url: string): EmbedKind {
	const query = new URL(url).searchParams;
	return query.has('lesson') ? 'lesson' : query.has('challenge') ? 'challenge' : 'playground';
}

function choices(doc: Document): Choices {
	const values = (selector: string): string[] | null => {
		const options = Array.from(doc.querySelectorAll<HTMLOptionElement>(selector));
		return options.length === 0 ? null : options.filter((option) => !option.disabled && option.value !== '').map((option) => option.value);
	};
	const speeds = values('[data-control="speed"] option');
	return {
		loadBalancers: values('[data-control="lb-kind"] option'),
		presets: values('[data-control="preset"] option'),
		speeds: speeds === null ? null : speeds.map(Number),
	};
}

/** The content's size: the page's <main> (the body is at least the frame's height, so it cannot shrink with it). */
function contentSize(doc: Document): { height: number; width: number } {
	const main = doc.getElementById('main') ?? doc.body;
	const box = main.getBoundingClientRect();
	return { height: box.height, width: box.width };
}

/** Installs the bridge on an embed page inside a frame; null elsewhere (a top-level page, a page without the setting). */
export function installEmbedBridge(win: Window, doc: Document): EmbedWiring | null {
	const frameAncestors = doc.body.dataset.frameAncestors;
	if (win.parent === win || frameAncestors === undefined) {
		return null;
	}
	const selfUrl = win.location.href;
	const kind = embedKind(selfUrl);
	const startCard = doc.querySelector('[data-embed-start]') !== null;
	// The Start link keeps the frame URL's fragment, where WordPress put the secret its height messages need
	const start = doc.querySelector<HTMLAnchorElement>('a[data-control="embed-start"]');
	if (start !== null && win.location.hash !== '') {
		start.href = start.href.replace(/#.*$/, '') + win.location.hash;
	}
	const playgroundRoot = doc.getElementById('playground');
	const post = (data: unknown, target: string): void => {
		win.parent.postMessage(data, target);
	};
	const bridge = new EmbedBridge({
		kind,
		frameAncestors,
		selfUrl,
		post,
		parentOrigin: (last) => parentOrigin({
			ancestorOrigins: win.location.ancestorOrigins, referrer: doc.referrer, selfUrl, lastCommandOrigin: last,
		}),
		choices: () => choices(doc),
		navigate: (url) => win.location.assign(url),
		secrets: () => [playgroundRoot?.dataset.sandboxId, playgroundRoot?.dataset.embedToken]
			.filter((value): value is string => value !== undefined && value !== ''),
	}, startCard);
	const target = (): string => parentOrigin({ ancestorOrigins: win.location.ancestorOrigins, referrer: doc.referrer,
		selfUrl, lastCommandOrigin: null }) ?? '*';
	const src = selfUrl.replace(/#.*$/, '');
	const heights = new HeightReporter((data) => post(data, target()), wordpressSecret(win.location.hash), src);

	win.addEventListener('message', (event: MessageEvent<unknown>) => {
		const fromParent = event.source === win.parent;
		const h5p = h5pAction(event.data);
		if (h5p !== null) {
			if (fromParent) {
				heights.h5pMessage();
			}
			return;
		}
		void bridge.receive({ data: event.data, origin: event.origin, fromParent });
	});
	doc.addEventListener(PREDICTION_ANSWERED_EVENT, (event) => {
		bridge.emit('predictionAnswered', { ...(event as CustomEvent<Record<string, unknown>>).detail });
	});
	doc.addEventListener(STEP_COMPLETED_EVENT, (event) => {
		bridge.emit('stepCompleted', { ...(event as CustomEvent<Record<string, unknown>>).detail });
	});

	bridge.announce();
	heights.start();
	const measure = (): void => heights.measured(contentSize(doc));
	const observer = new ResizeObserver(measure);
	observer.observe(doc.getElementById('main') ?? doc.body);
	measure();

	return {
		attach: (playground, fetcher) => {
			const live = liveSandbox(playground, fetcher);
			let started = false;
			const sceneChanged = (): void => {
				if (!started && live.now() !== null) {
					started = true;
					bridge.started(live);
				}
				bridge.sceneChanged();
			};
			playground.primary.root.addEventListener(SCENE_CHANGED_EVENT, sceneChanged);
			sceneChanged();
			let pending: number | undefined;
			doc.addEventListener(COMMAND_EVENT, () => {
				win.clearTimeout(pending);
				pending = win.setTimeout(() => void bridge.stateMayHaveChanged(), STATE_DEBOUNCE_MS);
			});
		},
		challengeSolved: (challenge) => bridge.emit('challengeSolved', { challenge }),
	};
}

function liveSandbox(playground: Playground, fetcher: Fetch): LiveSandbox {
	return {
		run: (command) => playground.run(command),
		permalink: async () => {
			try {
				const response = await fetcher(`${playground.primary.endpoints.api}/permalink`,
					{ method: 'GET', headers: { Accept: 'application/json' } });
				return response.ok ? ((await response.json()) as { url: string }).url : null;
			}
			catch {
				return null;
			}
		},
		now: () => {
			const scene = playground.primary.scene;
			return scene === null ? null : { policy: scene.service.externalTrafficPolicy as Policy,
				loadBalancer: scene.loadBalancerKind, paused: scene.paused };
		},
	};
}
