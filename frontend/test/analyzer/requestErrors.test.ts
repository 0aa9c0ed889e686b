import { describe, expect, it } from 'vitest';
import { describeFailedRequest } from '../../src/analyzer/requestErrors';

describe('describeFailedRequest', () => {
	it('tells an offline browser apart from a server that does not answer', () => {
		expect(describeFailedRequest(false)).toContain('offline');
		expect(describeFailedRequest(true)).toContain('did not answer');
	});
});
