import { describe, expect, it } from 'vitest';
import { EMBED_TOKEN_HEADER, embedCredentials, fetchWithToken, sendTokenWithHtmx, streamUrlWithToken } from '../src/embed/embedToken';

describe('embed token', () => {
	it('is read only from a page with both a sandbox and a token', () => {
		expect(embedCredentials({ sandboxId: 'abc', embedToken: 'tok' })).toEqual({ sandbox: 'abc', token: 'tok' });
		expect(embedCredentials({ sandboxId: 'abc' })).toBeUndefined();
		expect(embedCredentials({ sandboxId: 'abc', embedToken: '' })).toBeUndefined();
		expect(embedCredentials({ embedToken: 'tok' })).toBeUndefined();
	});

	it('rides on every fetch, keeping the request\'s own headers', async () => {
		const seen: RequestInit[] = [];
		const fetcher = fetchWithToken((_url, init) => {
			seen.push(init);
			return Promise.resolve(new Response(null, { status: 204 }));
		}, { sandbox: 'abc', token: 'tok' });
		await fetcher('/api/v1/sandboxes/abc/pause', { method: 'POST', headers: { Accept: 'application/json' } });
		const headers = new Headers(seen[0]?.headers);
		expect(headers.get(EMBED_TOKEN_HEADER)).toBe('tok');
		expect(headers.get('Accept')).toBe('application/json');
		expect(seen[0]?.method).toBe('POST');
	});

	it('rides on every htmx request', () => {
		const document = new EventTarget() as unknown as Document;
		sendTokenWithHtmx(document, { sandbox: 'abc', token: 'tok' });
		const detail = { headers: { 'HX-Request': 'true' } as Record<string, string> };
		document.dispatchEvent(new CustomEvent('htmx:configRequest', { detail }));
		expect(detail.headers).toEqual({ 'HX-Request': 'true', [EMBED_TOKEN_HEADER]: 'tok' });
	});

	it('names the sandbox and the token on the stream URL, encoded', () => {
		expect(streamUrlWithToken('ws://h:1/ws', { sandbox: 'a-b_c', token: 'x+y' }))
			.toBe('ws://h:1/ws?sandbox=a-b_c&embed=x%2By');
		expect(streamUrlWithToken('ws://h:1/ws?v=1', { sandbox: 's', token: 't' })).toBe('ws://h:1/ws?v=1&sandbox=s&embed=t');
	});
});
