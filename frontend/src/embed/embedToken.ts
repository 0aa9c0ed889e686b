// An embed in a frame sandboxed without allow-same-origin has an opaque origin: every request it makes is
// cross-origin, sent with "Origin: null". The server accepts those only for the sandbox the embed started, proven by
// the embed token the page carries (data-embed-token): on each HTTP request as a header, on the stream's handshake
// as query parameters (a browser's WebSocket cannot set headers).
import type { Fetch } from '../commands/commands';
import { withQuery } from '../stream/streamUrl';

/** The request header that carries the embed token (OpaqueOriginFilter.TOKEN_HEADER on the server). */
export const EMBED_TOKEN_HEADER = 'X-Traffic-Lab-Embed';

/** What proves an embed's requests: its sandbox and that sandbox's token. */
export interface EmbedCredentials {
	sandbox: string;
	token: string;
}

/** The page's embed credentials, when the server gave it a token (an embed page with a running sandbox). */
export function embedCredentials(data: DOMStringMap): EmbedCredentials | undefined {
	const token = data.embedToken;
	const sandbox = data.sandboxId;
	return token !== undefined && token !== '' && sandbox !== undefined ? { sandbox, token } : undefined;
}

/** A fetch that sends the embed token with every request. */
export function fetchWithToken(fetcher: Fetch, credentials: EmbedCredentials): Fetch {
	return (url, init) => {
		const headers = new Headers(init?.headers);
		headers.set(EMBED_TOKEN_HEADER, credentials.token);
		return fetcher(url, { ...init, headers });
	};
}

interface HtmxRequestDetail {
	headers: Record<string, string>;
}

/** Every htmx request the page sends carries the embed token. */
export function sendTokenWithHtmx(document: Document, credentials: EmbedCredentials): void {
	document.addEventListener('htmx:configRequest', (event) => {
		(event as CustomEvent<HtmxRequestDetail>).detail.headers[EMBED_TOKEN_HEADER] = credentials.token;
	});
}

/**
 * The stream's URL with the sandbox and its token, which the server's EmbedHandshake checks. A sandbox= the URL has
 * already (every sandbox's stream names its sandbox: stream/streamUrl.ts) is replaced, not repeated.
 */
export function streamUrlWithToken(url: string, credentials: EmbedCredentials): string {
	return withQuery(url, { sandbox: credentials.sandbox, embed: credentials.token });
}
