import { describe, expect, it } from 'vitest';
import { refusalText } from '../../src/classroom/dashboard';

describe('refusalText', () => {
	it('shows the API’s own words', () => {
		expect(refusalText(403, '{"errors":["Only the room\'s teacher can set a challenge."]}'))
			.toBe('Only the room\'s teacher can set a challenge.');
		expect(refusalText(400, '{"errors":["There is no challenge \\"x\\".","Pick one of the list."]}'))
			.toBe('There is no challenge "x". Pick one of the list.');
	});

	it('falls back to the status, or says the server did not answer', () => {
		expect(refusalText(502, '<html>Bad gateway</html>')).toBe('The server refused that (HTTP 502).');
		expect(refusalText(0, '')).toBe('The server did not answer. Check that Traffic Lab is still running.');
	});
});
