// Composition root for the browser code: the only module that touches window and document. The pages are
// server-rendered (Thymeleaf + htmx); this bundle adds the analyzer's enhancements and the live sandbox's stream.
import { applyBarWidths } from './analyzer/barWidths';
import { installCatalogueChoices } from './analyzer/catalogueChoice';
import { installCopyCurl, legacyClipboard, revealCopyButtons } from './analyzer/copyCurl';
import { installCopySnippets } from './analyzer/copySnippet';
import { installRequestErrorNotice } from './analyzer/requestErrors';
import { installWhitespaceToggle } from './analyzer/whitespace';
import { installChallengePanel } from './challenge/challengePanel';
import { installHintReports } from './classroom/challengeHints';
import { installChallengeSide } from './classroom/challengeSide';
import { installClassPage, type ClassPageHook } from './classroom/classPage';
import { installDashboard } from './classroom/dashboard';
import type { Fetch } from './commands/commands';
import { embedCredentials, fetchWithToken, sendTokenWithHtmx } from './embed/embedToken';
import { submitHtmxFormsWithoutNavigation } from './embed/sandboxedForms';
import { installEmbedBridge } from './embed/wiring';
import { installFullscreen } from './embed/fullscreen';
import { installLessonPanel, lessonLink } from './lesson/lessonPage';
import { startLiveSandbox } from './live/startLiveSandbox';
import { installIndexMarks } from './progress/indexMarks';
import { ProgressStore } from './progress/progressStore';
import { installStepProgress } from './progress/stepMarks';
import { startPageSandbox } from './playground/pageSandbox';
import { Playground, type TrafficLabHook } from './playground/playground';
import type { Permalink } from './playground/share';
import { RoomWatcher, type RoomHook } from './room/roomWatcher';
import { followActivity } from './classroom/followActivity';

function localStorageOrUndefined(): Storage | undefined {
	try {
		return window.localStorage;
	}
	catch {
		return undefined;
	}
}

/**
 * Closes a live page's stream when the page goes away, so the STOMP client says goodbye instead of writing to a
 * socket the browser is closing; a page restored from the back-forward cache then reloads for a fresh sandbox.
 */
function leaveCleanly(leave: () => Promise<void>): void {
	window.addEventListener('pagehide', () => void leave());
	window.addEventListener('pageshow', (event) => {
		if (event.persisted) {
			window.location.reload();
		}
	});
}

const clipboard = window.isSecureContext && navigator.clipboard ? navigator.clipboard : legacyClipboard(document);
installCopyCurl(document, clipboard);
installCopySnippets(document, clipboard);
installWhitespaceToggle(document, localStorageOrUndefined());
const progress = new ProgressStore(localStorageOrUndefined());
installRequestErrorNotice(document, () => navigator.onLine);
applyBarWidths(document);
installCatalogueChoices(document, window.location, window.history);
document.addEventListener('htmx:afterSettle', () => {
	revealCopyButtons(document);
	applyBarWidths(document);
});

// In a frame on an embed page: the postMessage API for the host page (README "postMessage API")
const embed = installEmbedBridge(window, document);
// An embed's Fullscreen button, shown only where its frame allows fullscreen
const fullscreenButton = document.querySelector<HTMLButtonElement>('[data-control="fullscreen"]');
const embedMain = document.querySelector<HTMLElement>('body.embed main');
if (fullscreenButton !== null && embedMain !== null) {
	const label = fullscreenButton.querySelector('[data-part="fullscreen-label"]');
	installFullscreen(document, embedMain, fullscreenButton, (text) => {
		if (label !== null) {
			label.textContent = text;
		}
	});
}

const liveSandbox = document.getElementById('live-sandbox');
if (liveSandbox !== null) {
	// created here, by the page's script, as the playground's is
	void startPageSandbox(liveSandbox, (url, init) => fetch(url, init)).then((started) => {
		if (started) {
			startLiveSandbox(liveSandbox, window.location);
		}
	});
}

const playgroundRoot = document.getElementById('playground');
// An embed in a sandboxed frame (opaque origin) proves each request with its sandbox's embed token
const embedToken = playgroundRoot !== null ? embedCredentials(playgroundRoot.dataset) : undefined;
const pageFetch: Fetch = (url, init) => fetch(url, init);
const appFetch = embedToken !== undefined ? fetchWithToken(pageFetch, embedToken) : pageFetch;
if (embedToken !== undefined) {
	sendTokenWithHtmx(document, embedToken);
}
if (document.body.classList.contains('embed')) {
	submitHtmxFormsWithoutNavigation(document);
}
const lessonPanel = document.querySelector<HTMLElement>('[data-lesson-panel]');
if (lessonPanel !== null) {
	installStepProgress(lessonPanel, progress);
	installLessonPanel(lessonPanel, playgroundRoot, appFetch, (url) => window.location.assign(url));
}
if (playgroundRoot !== null) {
	const root = playgroundRoot;
	const fetcher = appFetch;
	// On a lesson step, "Copy link" shares the step's URL, with the state once the server says the sandbox changed
	const shareLink = lessonPanel !== null
		? (permalink: Permalink) => lessonLink(lessonPanel.dataset.stepUrl ?? '/', permalink.url, permalink.changedSinceStart)
		: undefined;
	// The playground's sandbox is created here, by the page's script, never by the server-rendered GET
	void startPageSandbox(root, fetcher).then((started) => {
		if (!started) {
			return;
		}
		const playground = new Playground(root, { window, document, fetcher, clipboard, shareLink });
		// Debug hook for the benchmark and the browser tests (README "Playground"): frames, first frames, injectPackets
		(window as Window & { __trafficLab?: TrafficLabHook }).__trafficLab = playground.hook;
		embed?.attach(playground, fetcher);
		playground.start();
		leaveCleanly(() => playground.leave());
	});
}

const challengePanel = document.querySelector<HTMLElement>('[data-challenge-panel]');
if (challengePanel !== null) {
	const challengeId = challengePanel.dataset.challengeId;
	// In a room, the hints a student shows are counted for the teacher's dashboard
	const roomChallenge = challengePanel.closest<HTMLElement>('[data-hints-api]');
	if (roomChallenge !== null) {
		installHintReports(roomChallenge, challengePanel, (url, init) => fetch(url, init));
	}
	installChallengePanel(document, challengePanel, () => {
		if (challengeId !== undefined) {
			progress.recordSolved(challengeId);
			embed?.challengeSolved(challengeId);
		}
	});
}

if (document.querySelector('[data-progress-tools]') !== null) {
	const redrawMarks = installIndexMarks(document, progress);
	// Back from a step or a challenge, a page restored from the back-forward cache shows what was just done
	window.addEventListener('pageshow', (event) => {
		if (event.persisted) {
			redrawMarks();
		}
	});
}

const roomRoot = document.getElementById('room');
let roomWatcher: RoomWatcher | null = null;
if (roomRoot !== null) {
	const room = new RoomWatcher(roomRoot, { window, document, fetcher: (url, init) => fetch(url, init) });
	// The reading half of the playground's debug hook, for the browser tests
	(window as Window & { __trafficLab?: RoomHook }).__trafficLab = room.hook;
	room.start();
	leaveCleanly(() => room.leave());
	roomWatcher = room;
}

// A class in a room (the teacher's page, a student's, the projector): the class topic's counts, switches and steps
const classRoot = document.querySelector<HTMLElement>('[data-class]');
if (classRoot !== null) {
	// A student's page and the projector redraw when the room's stream changes source (a student's sandbox shown)
	const onState = installChallengeSide(document, () => roomWatcher?.resync());
	const classPage = installClassPage(classRoot, { window, document, fetcher: (url, init) => fetch(url, init), onState });
	(window as Window & { __trafficLabClass?: ClassPageHook }).__trafficLabClass = classPage;
	window.addEventListener('pagehide', () => void classPage.stop());
}

// The first rooms' read-only page reloads when the teacher sets the class something new to do
const followMain = document.querySelector<HTMLElement>('main[data-follow-class]');
if (classRoot === null && roomRoot !== null && followMain !== null) {
	const feed = followActivity(followMain, roomRoot, window.location, (url, init) => fetch(url, init));
	window.addEventListener('pagehide', () => void feed?.stop());
}

// The teacher's dashboard (loaded into the teacher's page by htmx)
if (document.querySelector('[data-part="dashboard"]') !== null) {
	installDashboard(document);
}
