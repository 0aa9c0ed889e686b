import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/live/commandErrors';

describe('errorText', () => {
	it('shows the API errors', () => {
		expect(errorText(400, '{"errors":["Query parameter \'factor\' must be between 0.1 and 50 (got 99.0)."]}'))
			.toBe("Query parameter 'factor' must be between 0.1 and 50 (got 99.0).");
	});

	it('falls back to the status', () => {
		expect(errorText(502, '<html>')).toBe('The command failed (HTTP 502).');
	});
});
