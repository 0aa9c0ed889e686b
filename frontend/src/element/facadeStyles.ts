// The facade's look, inside its shadow root: the app's palette (app.css), nothing loaded from the network.
export const FACADE_CSS = `
:host { display: block; max-width: 100%; }
:host([hidden]) { display: none; }
.card {
	box-sizing: border-box; display: flex; flex-direction: column; align-items: center; justify-content: center;
	gap: 0.75rem; width: 100%; padding: 1rem; border: 1px solid #b9c3ce; border-radius: 6px;
	background: #f5f7f9; color: #1b2530; text-align: center;
	font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
.title { margin: 0; font-size: 1.15rem; font-weight: 600; }
.line { margin: 0; color: #5a6572; font-size: 0.9rem; }
.start {
	display: inline-flex; align-items: center; gap: 0.4rem; min-height: 2.75rem; padding: 0.5rem 1.4rem;
	border: 0; border-radius: 6px; background: #0f5e73; color: #fff; font: inherit; font-weight: 600; cursor: pointer;
}
.start:hover { background: #0a4757; }
.start:focus-visible { outline: 3px solid #d97706; outline-offset: 2px; }
.card--refused { border: 2px dashed #a3261b; background: #fbeae8; }
.message { margin: 0; color: #a3261b; max-width: 40rem; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) {
	.card { background: #1b2530; color: #eef2f5; border-color: #5a6572; }
	.line { color: #b9c3ce; }
	.card--refused { background: #3a1d1a; }
	.message { color: #ffb4a8; }
}
`;
