import { describe, expect, it } from 'vitest';
import { closestOption, forgetStartingCluster } from '../../src/playground/controls';

describe('closestOption', () => {
	it('picks the speed option nearest the sandbox speed', () => {
		expect(closestOption([0.25, 0.5, 1, 2, 5, 20], 1)).toBe(1);
		expect(closestOption([0.25, 0.5, 1, 2, 5, 20], 12)).toBe(5);
		expect(closestOption([], 1)).toBeNull();
	});
});

describe('forgetStartingCluster', () => {
	it("drops the shared link's title from the view once the learner applies their own manifests", () => {
		const block = { dataset: { startTitle: 'Shared sandbox', startDescription: 'Opened from a link' } as DOMStringMap };
		const asked: string[] = [];
		const doc = {
			querySelectorAll: (selector: string) => {
				asked.push(selector);
				return [block];
			},
		} as unknown as Document;
		forgetStartingCluster(doc);
		// only the playground's own title block: a lesson's or a challenge's stage keeps what it starts from
		expect(asked).toEqual(['.view-title-block[data-start-title]']);
		expect(block.dataset).toEqual({});
	});
});
