import { describe, expect, it } from 'vitest';
import { fullscreenLabel, installFullscreen, type FullscreenDocument } from '../../src/embed/fullscreen';

function fakes(enabled: boolean) {
	const listeners: Record<string, () => void> = {};
	const target = {
		requests: 0,
		requestFullscreen(): Promise<void> {
			this.requests++;
			doc.fullscreenElement = target as unknown as Element;
			listeners.fullscreenchange?.();
			return Promise.resolve();
		},
	};
	const doc: FullscreenDocument & { fullscreenElement: Element | null } = {
		fullscreenEnabled: enabled,
		fullscreenElement: null,
		exitFullscreen(): Promise<void> {
			doc.fullscreenElement = null;
			listeners.fullscreenchange?.();
			return Promise.resolve();
		},
		addEventListener: (type: string, listener: () => void) => {
			listeners[type] = listener;
		},
	};
	let click: () => void = () => undefined;
	const button = {
		hidden: true,
		addEventListener: (_type: string, listener: () => void) => {
			click = listener;
		},
	};
	const labels: string[] = [];
	return { doc, target, button, labels, click: () => click() };
}

describe('installFullscreen', () => {
	it('keeps the button hidden when the frame may not go fullscreen', () => {
		const f = fakes(false);
		expect(installFullscreen(f.doc, f.target, f.button, (text) => f.labels.push(text))).toBe(false);
		expect(f.button.hidden).toBe(true);
		expect(f.labels).toEqual([]);
	});

	it('shows the button and toggles the target in and out of fullscreen', () => {
		const f = fakes(true);
		expect(installFullscreen(f.doc, f.target, f.button, (text) => f.labels.push(text))).toBe(true);
		expect(f.button.hidden).toBe(false);
		f.click();
		expect(f.target.requests).toBe(1);
		expect(f.doc.fullscreenElement).toBe(f.target);
		f.click();
		expect(f.doc.fullscreenElement).toBeNull();
		expect(f.labels).toEqual(['Fullscreen', 'Exit fullscreen', 'Fullscreen']);
	});

	it('names what a click does', () => {
		expect(fullscreenLabel(false)).toBe('Fullscreen');
		expect(fullscreenLabel(true)).toBe('Exit fullscreen');
	});
});
