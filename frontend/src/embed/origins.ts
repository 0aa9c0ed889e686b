// Who may command the embed, and where its events go. Commands are taken only from origins the frame-ancestors
// setting allows (trafficlab.embed.frame-ancestors, a CSP source list the page carries as data-frame-ancestors),
// matched as CSP matches source expressions (CSP Level 3, "Does url match expression in origin"): `*`, `'self'`,
// scheme sources (`https:`), and host sources with an optional scheme, a `*.` host wildcard and a port or `:*`.
// `'none'` and other keywords match nothing. Paths in a host source are ignored: an ancestor is matched by its origin.

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };

interface Origin {
	scheme: string;
	host: string;
	port: string;
}

function parseOrigin(origin: string): Origin | null {
	try {
		const url = new URL(origin);
		if (url.host === '') {
			return null;
		}
		return { scheme: url.protocol, host: url.hostname.toLowerCase(), port: url.port === '' ? DEFAULT_PORTS[url.protocol] ?? '' : url.port };
	}
	catch {
		return null;
	}
}

/** CSP's scheme-part match: the same scheme, or a secure upgrade of it (http to https, ws to wss). */
function schemeMatches(expected: string, actual: string): boolean {
	return expected === actual || (expected === 'http:' && actual === 'https:') || (expected === 'ws:' && actual === 'wss:');
}

const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\*|[0-9]+))?(?:\/.*)?$/i;

/** Whether {@code origin} (a serialised origin such as "https://docs.example.com") matches one source expression. */
export function matchesSource(expression: string, origin: string, self: string): boolean {
	if (expression === '*') {
		return true;
	}
	const lower = expression.toLowerCase();
	if (lower.startsWith('\'')) {
		return lower === '\'self\'' && matchesSelf(origin, self);
	}
	const url = parseOrigin(origin);
	if (url === null) {
		return false;
	}
	if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) {
		return schemeMatches(lower, url.scheme);
	}
	const parts = HOST_SOURCE.exec(lower);
	if (parts === null) {
		return false;
	}
	const [, scheme, host, port] = parts;
	const own = parseOrigin(self);
	if (scheme !== undefined ? !schemeMatches(`${scheme}:`, url.scheme)
		: !schemeMatches(own?.scheme ?? 'https:', url.scheme)) {
		return false;
	}
	if (!hostMatches(host, url.host)) {
		return false;
	}
	if (port === '*') {
		return true;
	}
	if (port === undefined) {
		return url.port === DEFAULT_PORTS[url.scheme];
	}
	// a source on http's default port also matches its https upgrade on https's default port
	return port === url.port || (port === '80' && url.scheme === 'https:' && url.port === '443');
}

function hostMatches(pattern: string, host: string): boolean {
	if (pattern === '*') {
		return true;
	}
	if (pattern.startsWith('*.')) {
		return host.endsWith(pattern.slice(1));
	}
	return pattern === host;
}

function matchesSelf(origin: string, self: string): boolean {
	if (origin === self) {
		return true;
	}
	const a = parseOrigin(origin);
	const b = parseOrigin(self);
	return a !== null && b !== null && a.host === b.host && b.scheme === 'http:' && a.scheme === 'https:'
		&& (a.port === b.port || (b.port === '80' && a.port === '443'));
}

/**
 * Whether a message from {@code origin} may command the embed under this source list. An opaque origin ("null", a
 * host page in a sandboxed frame of its own) is allowed only by `*`.
 */
export function originAllowed(sourceList: string, origin: string, self: string): boolean {
	const sources = sourceList.trim().split(/\s+/).filter((source) => source !== '');
	if (origin === 'null' || origin === '') {
		return sources.includes('*');
	}
	return sources.some((source) => matchesSource(source, origin, self));
}

export interface ParentClues {
	/** location.ancestorOrigins (Chromium, WebKit), if the browser has it. */
	ancestorOrigins?: ArrayLike<string> | null;
	referrer: string;
	/** This page's URL (location.href: its real origin even in an opaque sandboxed frame). */
	selfUrl: string;
	/** The origin of the last command accepted from the parent, or null. */
	lastCommandOrigin: string | null;
}

/**
 * The parent page's origin when it can be known, for postMessage's targetOrigin; null when it cannot (then events go
 * to `*`). The referrer is not the parent's when this frame came from its own Start card (the same frame's previous
 * page, an /embed URL of this app).
 */
export function parentOrigin(clues: ParentClues): string | null {
	const ancestor = clues.ancestorOrigins !== undefined && clues.ancestorOrigins !== null && clues.ancestorOrigins.length > 0
		? clues.ancestorOrigins[0] : null;
	if (ancestor !== null && ancestor !== undefined && ancestor !== 'null' && ancestor !== '') {
		return ancestor;
	}
	const referrer = referrerOrigin(clues.referrer, clues.selfUrl);
	if (referrer !== null) {
		return referrer;
	}
	return clues.lastCommandOrigin !== null && clues.lastCommandOrigin !== 'null' ? clues.lastCommandOrigin : null;
}

function referrerOrigin(referrer: string, selfUrl: string): string | null {
	if (referrer === '') {
		return null;
	}
	try {
		const from = new URL(referrer);
		const self = new URL(selfUrl);
		if (from.origin === self.origin && from.pathname === self.pathname) {
			return null;
		}
		return from.origin === 'null' ? null : from.origin;
	}
	catch {
		return null;
	}
}
