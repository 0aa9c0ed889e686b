// The content's height for hosts that size their iframe to it: our own `resize` event, and the messages the common
// hosts already listen for. WordPress: {message: "height", value, secret} with the secret from the frame URL's
// `#?secret=…` (wp-includes/js/wp-embed.js drops secrets that are not alphanumeric). Embedly (Medium, Observable): a
// JSON string {context: "iframe.resize", src, height}. Canvas LMS: {subject: "lti.frameResize", height}. H5P hosts
// (h5p-php-library js/h5p-resizer.js): the frame says {context: "h5p", action: "hello"}; once the host answers hello it
// takes {context: "h5p", action: "resize", height}, and asks again with action "resize" when its own window resizes.
import { message } from './envelope';

export interface ContentSize {
	height: number;
	width: number;
}

/** The secret WordPress put in the frame URL's fragment (`#?secret=abc123`), or null. */
export function wordpressSecret(hash: string): string | null {
	const query = hash.startsWith('#?') ? hash.slice(2) : null;
	const secret = query === null ? null : new URLSearchParams(query).get('secret');
	return secret !== null && /^[A-Za-z0-9]+$/.test(secret) ? secret : null;
}

export const H5P_HELLO = { context: 'h5p', action: 'hello' } as const;

/** The messages every host format gets for one height (H5P's only after its handshake). */
export function heightMessages(size: ContentSize, secret: string | null, src: string, h5p: boolean): unknown[] {
	const { height, width } = size;
	const messages: unknown[] = [message('resize', { height, width })];
	if (secret !== null) {
		messages.push({ message: 'height', value: height, secret });
	}
	messages.push(JSON.stringify({ context: 'iframe.resize', src, height }));
	messages.push({ subject: 'lti.frameResize', height });
	if (h5p) {
		messages.push({ context: 'h5p', action: 'resize', height });
	}
	return messages;
}

/** Whether a message is the H5P resizer's: its answer to hello, or its request for the size after a resize. */
export function h5pAction(data: unknown): 'hello' | 'resize' | null {
	if (typeof data !== 'object' || data === null) {
		return null;
	}
	const fields = data as Record<string, unknown>;
	return fields.context === 'h5p' && (fields.action === 'hello' || fields.action === 'resize') ? fields.action : null;
}

/** Posts the height in every format, only when it changed (or when an H5P host asks for it). */
export class HeightReporter {
	private last: ContentSize | null = null;
	private h5p = false;

	constructor(private readonly post: (data: unknown) => void, private readonly secret: string | null,
		private readonly src: string) {}

	/** Says hello to an H5P host, if there is one. */
	start(): void {
		this.post(H5P_HELLO);
	}

	measured(size: ContentSize): void {
		const rounded = { height: Math.ceil(size.height), width: Math.ceil(size.width) };
		if (rounded.height <= 0 || rounded.height === this.last?.height) {
			return;
		}
		this.last = rounded;
		heightMessages(rounded, this.secret, this.src, this.h5p).forEach((data) => this.post(data));
	}

	/** The H5P resizer answered hello, or asks for the size again. */
	h5pMessage(): void {
		this.h5p = true;
		if (this.last !== null) {
			this.post({ context: 'h5p', action: 'resize', height: this.last.height });
		}
	}
}
