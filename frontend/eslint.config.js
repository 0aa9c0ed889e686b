// ESLint for the browser code: the recommended JavaScript and TypeScript rules, and import boundaries that hold
// the layering README.md describes ("How the frontend is laid out"). `npm run lint`; the Maven build runs it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Every folder under src/ is a part of the app; main.ts wires them together.
const parts = readdirSync(join(import.meta.dirname, 'src'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);

// What a part may import from the other parts (its own files always). Whatever is not listed is refused.
const mayImport = {
	// The stream's types, mirroring docs/events.md: the bottom layer.
	protocol: [],
	// requestAnimationFrame with a fixed update step: knows nothing of the scene, nor of anything else.
	loop: [],
	stream: ['protocol'],
	// The pure model: never the renderer, input, panels, playground, stream or commands.
	scene: ['protocol'],
	// Reads a scene and its layout and draws; changes nothing, knows no gestures, panels or commands.
	render: ['scene', 'protocol'],
	// Turns gestures into intents over the scene; what they do is the playground's business.
	input: ['scene', 'protocol'],
	panels: ['scene', 'protocol', 'live'],
	commands: ['live', 'protocol'],
	progress: [],
	analyzer: [],
	// The <traffic-lab> script other sites load: its own bundle, so it carries none of the app.
	element: [],
};

// Parts that wire the others together, and what they must still not know.
const mustNotImport = {
	// The playground is what the room, lesson and challenge pages are built on, not the other way round.
	playground: ['room', 'lesson', 'challenge', 'progress'],
};

function boundary(part, refused, rule) {
	const names = [...refused, 'main'].join('|');
	return {
		name: `boundaries/${part}`,
		files: [`src/${part}/**/*.ts`],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [{
					regex: `^(\\.\\./)+(${names})(/|$)`,
					message: `src/${part}/ ${rule} (README, "How the frontend is laid out").`,
				}],
			}],
		},
	};
}

const boundaries = [
	...Object.entries(mayImport).map(([part, allowed]) => boundary(part,
		parts.filter((other) => other !== part && !allowed.includes(other)),
		allowed.length > 0 ? `imports only from ${allowed.join(', ')}` : 'imports nothing from the rest of the app')),
	...Object.entries(mustNotImport).map(([part, refused]) => boundary(part, refused,
		`never imports ${refused.join(', ')}`)),
];

// Every text on the canvas goes through the label board (src/render/labelBoard.ts), which keeps texts apart and
// lets the browser tests check them; only the board and its plates (shapes.ts) write glyphs themselves.
const textThroughTheBoard = {
	name: 'render/text-through-the-board',
	files: ['src/render/**/*.ts'],
	ignores: ['src/render/labelBoard.ts', 'src/render/draw/shapes.ts'],
	rules: {
		'no-restricted-syntax': ['error', {
			selector: "CallExpression[callee.property.name=/^(fillText|strokeText)$/]",
			message: 'Draw text with the label board (LabelBoard.text, pill, callout), so that it never overlaps other text.',
		}],
	},
};

export default defineConfig(
	js.configs.recommended,
	tseslint.configs.recommended,
	...boundaries,
	textThroughTheBoard,
);
