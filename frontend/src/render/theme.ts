// Colours and type for the canvas. Okabe–Ito colours (safe for the common colour-vision deficiencies), and never
// colour alone: every state also has a shape, a line style or a word.

export const OKABE_ITO = {
	black: '#000000',
	orange: '#E69F00',
	sky: '#56B4E9',
	green: '#009E73',
	yellow: '#F0E442',
	blue: '#0072B2',
	vermillion: '#D55E00',
	purple: '#CC79A7',
} as const;

export const THEME = {
	background: '#ffffff',
	text: '#1b2530',
	muted: '#5a6572',
	border: '#b9c3ce',
	faint: '#d9dfe6',
	node: '#f4f6f8',
	proxy: '#e3f0f3',
	proxyText: '#0a4757',
	accent: '#0f5e73',
	ok: '#00795a',
	okSoft: '#e3f4ee',
	fail: '#b84a00',
	failSoft: '#fbece3',
	warn: '#8a5a00',
	warnSoft: '#fff4dc',
	focus: '#d97706',
	selection: '#1b2530',
	halo: 'rgba(255, 255, 255, 0.92)',
	drop: '#0f5e73',
	sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
	mono: 'ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
} as const;

/** Packets take their client's colour; the label says the address, the shape says request or reply. */
const CLIENT_COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.purple, OKABE_ITO.sky, OKABE_ITO.green, OKABE_ITO.black];

export function clientColour(index: number): string {
	return CLIENT_COLOURS[((index % CLIENT_COLOURS.length) + CLIENT_COLOURS.length) % CLIENT_COLOURS.length];
}

export function font(px: number, scale: number, weight = 400, mono = false): string {
	return `${weight} ${Math.round(px * scale * 10) / 10}px ${mono ? THEME.mono : THEME.sans}`;
}
