import { describe, expect, it } from 'vitest';
import { copyLink, exportYaml } from '../../src/playground/share';

const emptyRoot = { querySelector: () => null } as unknown as ParentNode;

function json(status: number, body: unknown): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('copyLink', () => {
	it('asks for the permalink and copies it', async () => {
		const asked: string[] = [];
		const copied: string[] = [];
		const text = await copyLink(emptyRoot, '/api/v1/sandboxes/abc', {
			fetcher: (url) => {
				asked.push(url);
				return Promise.resolve(json(200, { url: 'http://host/?s=xyz' }));
			},
			clipboard: { writeText: (value) => { copied.push(value); return Promise.resolve(); } },
		});
		expect(asked).toEqual(['/api/v1/sandboxes/abc/permalink']);
		expect(copied).toEqual(['http://host/?s=xyz']);
		expect(text).toBe('Link copied.');
	});

	it('points at the field when the clipboard is refused', async () => {
		const text = await copyLink(emptyRoot, '/api', {
			fetcher: () => Promise.resolve(json(200, { url: 'http://host/?s=xyz' })),
			clipboard: { writeText: () => Promise.reject(new Error('denied')) },
		});
		expect(text).toContain('copy the link from the field');
	});

	it("shows the server's message when the sandbox is too large", async () => {
		const text = await copyLink(emptyRoot, '/api', {
			fetcher: () => Promise.resolve(json(422, { errors: ['This sandbox is too large to share as a link'] })),
			clipboard: undefined,
		});
		expect(text).toBe('This sandbox is too large to share as a link');
	});
});

describe('exportYaml', () => {
	it('asks for the manifests as YAML', async () => {
		const asked: [string, RequestInit][] = [];
		await exportYaml(emptyRoot, '/api/v1/sandboxes/abc', {
			fetcher: (url, init) => {
				asked.push([url, init]);
				return Promise.resolve(new Response('kind: Node\n', { status: 200 }));
			},
			clipboard: undefined,
		});
		expect(asked[0][0]).toBe('/api/v1/sandboxes/abc/manifests');
		expect(asked[0][1].headers).toEqual({ Accept: 'application/yaml' });
	});
});
