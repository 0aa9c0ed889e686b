// Sharing the sandbox: "Copy link" asks the server for a permalink (the state in ?s=), shows it in a read-only field
// (for browsers that refuse clipboard access) and copies it; "Export as YAML" shows the current cluster as manifests
// and offers them as a download.
import type { ClipboardLike } from '../analyzer/copyCurl';
import type { Fetch } from '../commands/commands';

/** The answer to GET .../permalink: the link, and whether the sandbox changed since it started (the server knows). */
export interface Permalink {
	url: string;
	changedSinceStart: boolean;
}

export interface ShareEnvironment {
	fetcher: Fetch;
	clipboard: ClipboardLike | undefined;
	/** URL.createObjectURL, or undefined where there is none (tests). */
	objectUrl?: (blob: Blob) => string;
	/** Turns the playground's permalink into the link to share (a lesson step's page); the permalink itself if absent. */
	shareLink?: (permalink: Permalink) => string;
	/** Told the permalink read (the page offers it again should the sandbox end). */
	remember?: (permalink: Permalink) => void;
}

export async function errorOf(response: Response): Promise<string> {
	try {
		const body = (await response.json()) as { errors?: string[] };
		return body.errors?.join(' ') ?? `The server answered ${response.status}.`;
	}
	catch {
		return `The server answered ${response.status}.`;
	}
}

/** Fetches the permalink, shows it in the field, then copies it; returns what the status line says. */
export async function copyLink(root: ParentNode, api: string, env: ShareEnvironment): Promise<string> {
	const field = root.querySelector<HTMLInputElement>('[data-control="share-link"]');
	const response = await env.fetcher(`${api}/permalink`, { method: 'GET', headers: { Accept: 'application/json' } });
	if (!response.ok) {
		return errorOf(response);
	}
	const permalink = (await response.json()) as Permalink;
	env.remember?.(permalink);
	const url = env.shareLink?.(permalink) ?? permalink.url;
	if (field !== null) {
		field.value = url;
		field.hidden = false;
		field.select?.();
	}
	if (env.clipboard === undefined) {
		return 'Link ready: copy it from the field.';
	}
	try {
		await env.clipboard.writeText(url);
		return 'Link copied.';
	}
	catch {
		return 'The browser refused the clipboard: copy the link from the field.';
	}
}

/** Fetches the manifests, shows them, and points the download link at them; returns the status line. */
export async function exportYaml(root: ParentNode, api: string, env: ShareEnvironment): Promise<string> {
	const response = await env.fetcher(`${api}/manifests`, { method: 'GET', headers: { Accept: 'application/yaml' } });
	if (!response.ok) {
		return errorOf(response);
	}
	const yaml = await response.text();
	const box = root.querySelector<HTMLElement>('[data-part="export"]');
	const code = box?.querySelector<HTMLElement>('code');
	if (box === null || box === undefined || code === null || code === undefined) {
		return 'Exported.';
	}
	code.textContent = yaml;
	box.hidden = false;
	const download = box.querySelector<HTMLAnchorElement>('a[download]');
	if (download !== null && env.objectUrl !== undefined) {
		const previous = download.getAttribute('href');
		if (previous?.startsWith('blob:')) {
			URL.revokeObjectURL(previous);
		}
		download.href = env.objectUrl(new Blob([yaml], { type: 'application/yaml' }));
		download.hidden = false;
	}
	return 'The cluster as Kubernetes YAML is below.';
}
