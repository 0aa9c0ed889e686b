import { describe, expect, it } from 'vitest';
import { matchesSource, originAllowed, parentOrigin } from '../../src/embed/origins';

const SELF = 'http://localhost:8080';

describe('originAllowed', () => {
	it('lets * allow any origin, an opaque one too', () => {
		expect(originAllowed('*', 'https://anything.example', SELF)).toBe(true);
		expect(originAllowed('*', 'null', SELF)).toBe(true);
	});

	it('lets \'none\' allow none', () => {
		expect(originAllowed('\'none\'', SELF, SELF)).toBe(false);
		expect(originAllowed('\'none\'', 'https://docs.example.com', SELF)).toBe(false);
	});

	it('matches \'self\' with the app\'s own origin (and its https upgrade) only', () => {
		expect(originAllowed('\'self\'', SELF, SELF)).toBe(true);
		expect(originAllowed('\'self\'', 'http://localhost:8081', SELF)).toBe(false);
		expect(originAllowed('\'self\'', 'https://lab.example', 'http://lab.example')).toBe(true);
		expect(originAllowed('\'self\'', 'null', SELF)).toBe(false);
	});

	it('matches a list by any of its sources', () => {
		const list = '\'self\'  https://docs.example.com';
		expect(originAllowed(list, 'https://docs.example.com', SELF)).toBe(true);
		expect(originAllowed(list, SELF, SELF)).toBe(true);
		expect(originAllowed(list, 'https://evil.example.com', SELF)).toBe(false);
	});
});

describe('matchesSource', () => {
	it('matches scheme sources, with the secure upgrade', () => {
		expect(matchesSource('https:', 'https://a.example', SELF)).toBe(true);
		expect(matchesSource('https:', 'http://a.example', SELF)).toBe(false);
		expect(matchesSource('http:', 'https://a.example', SELF)).toBe(true);
	});

	it('matches hosts exactly, case-insensitively, and *. wildcards only below the domain', () => {
		expect(matchesSource('https://Docs.Example.com', 'https://docs.example.com', SELF)).toBe(true);
		expect(matchesSource('https://*.example.com', 'https://a.b.example.com', SELF)).toBe(true);
		expect(matchesSource('https://*.example.com', 'https://example.com', SELF)).toBe(false);
		expect(matchesSource('https://*.example.com', 'https://badexample.com', SELF)).toBe(false);
		expect(matchesSource('*.example.com', 'https://docs.example.com', SELF)).toBe(true);
	});

	it('takes the page\'s scheme when the source names none', () => {
		expect(matchesSource('docs.example.com', 'http://docs.example.com', 'http://lab')).toBe(true);
		expect(matchesSource('docs.example.com', 'http://docs.example.com', 'https://lab')).toBe(false);
		expect(matchesSource('docs.example.com', 'https://docs.example.com', 'https://lab')).toBe(true);
	});

	it('matches ports: the default when none is named, the one named, any with :*', () => {
		expect(matchesSource('https://docs.example.com', 'https://docs.example.com:8443', SELF)).toBe(false);
		expect(matchesSource('https://docs.example.com:8443', 'https://docs.example.com:8443', SELF)).toBe(true);
		expect(matchesSource('http://127.0.0.1:*', 'http://127.0.0.1:40123', SELF)).toBe(true);
		expect(matchesSource('http://127.0.0.1', 'http://127.0.0.1:40123', SELF)).toBe(false);
		expect(matchesSource('http://docs.example.com:80', 'https://docs.example.com', SELF)).toBe(true);
	});

	it('ignores a path: an ancestor is matched by its origin', () => {
		expect(matchesSource('https://docs.example.com/guide/', 'https://docs.example.com', SELF)).toBe(true);
	});

	it('matches no keyword but \'self\', and nothing unreadable', () => {
		expect(matchesSource('\'unsafe-inline\'', 'https://a.example', SELF)).toBe(false);
		expect(matchesSource('https://a.example', 'not an origin', SELF)).toBe(false);
		expect(matchesSource('https://a.example', 'null', SELF)).toBe(false);
	});
});

describe('parentOrigin', () => {
	const selfUrl = 'http://localhost:8080/embed?preset=x&run=1';

	it('prefers location.ancestorOrigins', () => {
		expect(parentOrigin({ ancestorOrigins: ['https://docs.example.com'], referrer: 'https://other.example/page',
			selfUrl, lastCommandOrigin: 'https://third.example' })).toBe('https://docs.example.com');
	});

	it('falls back on the referrer\'s origin', () => {
		expect(parentOrigin({ ancestorOrigins: null, referrer: 'https://docs.example.com/guide/page?x=1', selfUrl,
			lastCommandOrigin: null })).toBe('https://docs.example.com');
		expect(parentOrigin({ ancestorOrigins: [], referrer: 'https://docs.example.com/', selfUrl, lastCommandOrigin: null }))
			.toBe('https://docs.example.com');
	});

	it('does not take the Start card this frame came from for the parent', () => {
		expect(parentOrigin({ referrer: 'http://localhost:8080/embed?preset=x', selfUrl, lastCommandOrigin: null })).toBeNull();
		expect(parentOrigin({ referrer: 'http://localhost:8080/embed?preset=x', selfUrl,
			lastCommandOrigin: 'https://docs.example.com' })).toBe('https://docs.example.com');
	});

	it('knows none for an opaque parent', () => {
		expect(parentOrigin({ ancestorOrigins: ['null'], referrer: '', selfUrl, lastCommandOrigin: 'null' })).toBeNull();
	});
});
