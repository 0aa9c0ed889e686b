// Where a page's stream connects. The WebSocket's URL names what it watches, so that a load balancer in front of
// several instances can route it by its query string alone (docs/events.md, "Several instances"): a sandbox's stream
// goes to the instance that owns the sandbox (the id's first character), a room watcher's may go to any instance,
// since a room's topics reach every instance through the broker. The server itself reads neither parameter, except
// an embed's sandbox= beside its token (embed/embedToken.ts).

/** What a stream watches: one sandbox (by id), or one room (by its canonical code, "K7F2QX"). */
export type StreamKey = { sandbox: string } | { room: string };

/** The WebSocket URL of the page's own server for a path ("/ws"). */
export function webSocketUrl(location: Location, path: string): string {
	const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
	return `${scheme}//${location.host}${path}`;
}

/** The stream's URL for what it watches: "/ws?sandbox=ID" or "/ws?room=CODE". An empty key adds nothing. */
export function streamUrl(location: Location, path: string, key: StreamKey): string {
	const [name, value] = 'sandbox' in key ? ['sandbox', key.sandbox] : ['room', key.room];
	return value === '' ? webSocketUrl(location, path) : withQuery(webSocketUrl(location, path), { [name]: value });
}

/** The URL with these query parameters set, each once: a parameter already there is replaced, not repeated. */
export function withQuery(url: string, parameters: Record<string, string>): string {
	const parsed = new URL(url);
	for (const [name, value] of Object.entries(parameters)) {
		parsed.searchParams.set(name, value);
	}
	return parsed.toString();
}
