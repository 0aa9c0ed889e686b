// The import boundaries in eslint.config.js, tried on code that crosses them: each must be an error.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function refusedImports(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: file });
	return result.messages
		.filter((message) => message.ruleId === 'no-restricted-imports')
		.map((message) => message.message);
}

// Loading ESLint's TypeScript parser takes seconds on a busy machine: once, before the tests, with time to spare.
describe('import boundaries', { timeout: 30_000 }, () => {
	beforeAll(async () => {
		await refusedImports('src/scene/warmUp.ts', 'export const warm = true;');
	}, 120_000);

	it('keeps the renderer, input, panels, playground, stream and commands out of the scene', async () => {
		const refused = await refusedImports('src/scene/crossing.ts', [
			"import { CanvasRenderer } from '../render/canvasRenderer';",
			"import type { Intent } from '../input/intent';",
			"import { sendCommand } from '../commands/commands';",
			"export { CanvasRenderer, sendCommand };",
			'export type { Intent };',
		].join('\n'));
		expect(refused).toHaveLength(3);
		expect(refused[0]).toContain('src/scene/ imports only from protocol');
	});

	it('lets the scene import the protocol and itself', async () => {
		expect(await refusedImports('src/scene/crossing.ts', [
			"import type { Snapshot } from '../protocol/events';",
			"import { Fraction } from './fraction';",
			'export type { Snapshot };',
			'export { Fraction };',
		].join('\n'))).toEqual([]);
	});

	it('keeps input, panels and commands out of the renderer, even from its draw/ folder', async () => {
		const refused = await refusedImports('src/render/draw/crossing.ts', [
			"import { theme } from '../theme';",
			"import { layoutScene } from '../../scene/layout';",
			"import { row } from '../../panels/dom';",
			'export { theme, layoutScene, row };',
		].join('\n'));
		expect(refused).toHaveLength(1);
		expect(refused[0]).toContain('src/render/ imports only from scene, protocol');
	});

	it('keeps the frame loop and the protocol free of the rest of the app', async () => {
		expect(await refusedImports('src/loop/crossing.ts',
			"import { Scene } from '../scene/scene';\nexport { Scene };")).toHaveLength(1);
		expect(await refusedImports('src/protocol/crossing.ts',
			"import { Scene } from '../scene/scene';\nexport { Scene };")).toHaveLength(1);
	});

	it('keeps the pages built on the playground out of it', async () => {
		expect(await refusedImports('src/playground/crossing.ts',
			"import { watchRoom } from '../room/roomWatcher';\nexport { watchRoom };")).toHaveLength(1);
	});
});
