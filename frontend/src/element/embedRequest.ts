// What a <traffic-lab> element asks for, read from its attributes: which embed (playground, lesson step or
// challenge), its frame's height and title, and the embed URL (i14 contract, "Embed URLs"). Pure: no DOM.

export type EmbedKind = 'playground' | 'lesson' | 'challenge';

export interface EmbedRequest {
	readonly kind: EmbedKind;
	/** The embed's query parameters in order, without run=1. */
	readonly params: ReadonlyArray<readonly [string, string]>;
	readonly height: number;
	readonly title: string;
}

export type ReadResult = { readonly ok: true; readonly request: EmbedRequest } | { readonly ok: false; readonly message: string };

/** The attributes the element reads; any other attribute (id, class, style…) is the host page's business. */
export const ATTRIBUTES = ['preset', 'lesson', 'step', 'challenge', 'state', 'height', 'title'] as const;

export type AttributeName = (typeof ATTRIBUTES)[number];

export const DEFAULT_HEIGHT: Readonly<Record<EmbedKind, number>> = { playground: 560, lesson: 700, challenge: 700 };

export const MIN_HEIGHT = 240;

export const MAX_HEIGHT = 2000;

/** A permalink's state is at most this long (PermalinkCodec.MAX_LINK_CHARS). */
const MAX_STATE_CHARS = 7000;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const STATE = /^[A-Za-z0-9_-]+$/;

const STEP = /^[1-9][0-9]{0,2}$/;

const HEIGHT = /^([0-9]{1,5})(px)?$/;

/** Reads an element's attributes (null when absent; blank counts as absent). */
export function readEmbedRequest(attribute: (name: AttributeName) => string | null): ReadResult {
	const value = (name: AttributeName): string | null => {
		const raw = attribute(name)?.trim();
		return raw ? raw : null;
	};
	const preset = value('preset');
	const state = value('state');
	const lesson = value('lesson');
	const step = value('step');
	const challenge = value('challenge');

	const chosen = [
		preset !== null ? 'preset' : null,
		state !== null ? 'state' : null,
		lesson !== null ? 'lesson' : null,
		challenge !== null ? 'challenge' : null,
	].filter((name): name is string => name !== null);
	if (chosen.length > 1) {
		return refuse(`give one of preset, state, lesson or challenge, not ${chosen.join(' and ')}`);
	}
	if (step !== null && lesson === null) {
		return refuse('step needs a lesson, e.g. lesson="uneven-distribution" step="2"');
	}

	let kind: EmbedKind = 'playground';
	const params: Array<[string, string]> = [];
	let title: string;
	if (lesson !== null) {
		if (!ID.test(lesson)) {
			return refuse(badId('lesson', lesson));
		}
		if (step !== null && !STEP.test(step)) {
			return refuse(`step must be a step number (1, 2, …), not "${step}"`);
		}
		kind = 'lesson';
		const number = step ?? '1';
		params.push(['lesson', lesson], ['step', number]);
		title = `Traffic Lab lesson: ${lesson}, step ${number}`;
	}
	else if (challenge !== null) {
		if (!ID.test(challenge)) {
			return refuse(badId('challenge', challenge));
		}
		kind = 'challenge';
		params.push(['challenge', challenge]);
		title = `Traffic Lab challenge: ${challenge}`;
	}
	else if (state !== null) {
		if (state.length > MAX_STATE_CHARS || !STATE.test(state)) {
			return refuse('state must be the s= value of a Traffic Lab permalink (letters, digits, - and _, at most 7000)');
		}
		params.push(['s', state]);
		title = 'Traffic Lab: a shared sandbox';
	}
	else {
		if (preset !== null) {
			if (!ID.test(preset)) {
				return refuse(badId('preset', preset));
			}
			params.push(['preset', preset]);
		}
		title = 'Traffic Lab: externalTrafficPolicy sandbox';
	}

	const heightText = value('height');
	let height = DEFAULT_HEIGHT[kind];
	if (heightText !== null) {
		const match = HEIGHT.exec(heightText);
		const pixels = match ? Number(match[1]) : NaN;
		if (!(pixels >= MIN_HEIGHT && pixels <= MAX_HEIGHT)) {
			return refuse(`height must be a number of pixels from ${MIN_HEIGHT} to ${MAX_HEIGHT}, not "${heightText}"`);
		}
		height = pixels;
	}
	return { ok: true, request: { kind, params, height, title: value('title') ?? title } };
}

/**
 * The frame's address: the app's /embed (resolved against the script's own URL, so a context path is kept) with the
 * request's parameters and run=1, since the click on the facade already was the Start.
 */
export function embedUrl(scriptUrl: string, request: EmbedRequest): string {
	const url = new URL('../embed', scriptUrl);
	url.search = '';
	url.hash = '';
	for (const [name, value] of request.params) {
		url.searchParams.append(name, value);
	}
	url.searchParams.append('run', '1');
	return url.toString();
}

function badId(name: string, value: string): string {
	return `${name} must be an id of lowercase letters, digits and - (e.g. uneven-3-1-0), not "${value}"`;
}

function refuse(message: string): ReadResult {
	return { ok: false, message };
}
