import { describe, expect, it } from 'vitest';
import { ActivityWatch } from '../../src/classroom/followActivity';

describe('ActivityWatch', () => {
	it('takes the first activity as the page’s own and reports only a different one', () => {
		const watch = new ActivityWatch();
		expect(watch.changed('playground')).toBe(false);
		expect(watch.changed('playground')).toBe(false);
		expect(watch.changed('challenge')).toBe(true);
	});

	it('does not call a challenge room’s own activity news', () => {
		const watch = new ActivityWatch();
		expect(watch.changed('challenge')).toBe(false);
		expect(watch.changed('challenge')).toBe(false);
		expect(watch.changed('lesson')).toBe(true);
	});
});
