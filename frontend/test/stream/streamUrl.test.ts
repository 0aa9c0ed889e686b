import { describe, expect, it } from 'vitest';
import { streamUrlWithToken } from '../../src/embed/embedToken';
import { streamUrl, webSocketUrl, withQuery } from '../../src/stream/streamUrl';

const page = { protocol: 'http:', host: 'localhost:8080' } as Location;

describe('webSocketUrl', () => {
	it('follows the page scheme', () => {
		expect(webSocketUrl(page, '/ws')).toBe('ws://localhost:8080/ws');
		expect(webSocketUrl({ protocol: 'https:', host: 'lab.example' } as Location, '/ws')).toBe('wss://lab.example/ws');
	});
});

describe('streamUrl', () => {
	it('names a sandbox, so that a load balancer routes the stream to its owner', () => {
		expect(streamUrl(page, '/ws', { sandbox: 'B-AbCdEfGhIjKlMnOpQrStUv' }))
			.toBe('ws://localhost:8080/ws?sandbox=B-AbCdEfGhIjKlMnOpQrStUv');
	});

	it('names a room by its canonical code', () => {
		expect(streamUrl({ protocol: 'https:', host: 'lab.example' } as Location, '/app/ws', { room: 'BK7F2Q' }))
			.toBe('wss://lab.example/app/ws?room=BK7F2Q');
	});

	it('encodes what it names', () => {
		expect(streamUrl(page, '/ws', { sandbox: 'a b&c' })).toBe('ws://localhost:8080/ws?sandbox=a+b%26c');
	});

	it('adds nothing for an empty key (a page that has no id yet)', () => {
		expect(streamUrl(page, '/ws', { room: '' })).toBe('ws://localhost:8080/ws');
	});

	it('keeps one sandbox parameter when an embed adds its token', () => {
		const url = streamUrlWithToken(streamUrl(page, '/ws', { sandbox: 'A-x' }), { sandbox: 'A-x', token: 't+1' });
		expect(url).toBe('ws://localhost:8080/ws?sandbox=A-x&embed=t%2B1');
		expect(new URL(url).searchParams.getAll('sandbox')).toEqual(['A-x']);
	});
});

describe('withQuery', () => {
	it('replaces a parameter already there and keeps the others', () => {
		expect(withQuery('ws://h/ws?v=1&room=OLD', { room: 'NEW' })).toBe('ws://h/ws?v=1&room=NEW');
	});
});
