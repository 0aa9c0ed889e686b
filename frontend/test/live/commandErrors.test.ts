import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/live/commandErrors';
import { webSocketUrl } from '../../src/live/startLiveSandbox';

describe('errorText', () => {
	it('shows the API errors', () => {
		expect(errorText(400, '{"errors":["Query parameter \'factor\' must be between 0.1 and 50 (got 99.0)."]}'))
			.toBe("Query parameter 'factor' must be between 0.1 and 50 (got 99.0).");
	});

	it('falls back to the status', () => {
		expect(errorText(502, '<html>')).toBe('The command failed (HTTP 502).');
	});
});

describe('webSocketUrl', () => {
	it('follows the page scheme', () => {
		expect(webSocketUrl({ protocol: 'http:', host: 'localhost:8080' } as Location, '/ws')).toBe('ws://localhost:8080/ws');
		expect(webSocketUrl({ protocol: 'https:', host: 'lab.example' } as Location, '/ws')).toBe('wss://lab.example/ws');
	});
});
