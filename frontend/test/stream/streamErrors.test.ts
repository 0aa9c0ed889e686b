import { describe, expect, it } from 'vitest';
import { BROKER_AWAY_TEXT, isBrokerAway, streamErrorText } from '../../src/stream/streamErrors';

describe('streamErrorText', () => {
	it('says the message broker is away for the two messages Spring’s relay sends in an outage', () => {
		expect(streamErrorText('Connection to broker closed.')).toBe(BROKER_AWAY_TEXT);
		expect(streamErrorText('Broker not available.')).toBe(BROKER_AWAY_TEXT);
		expect(isBrokerAway('Broker not available.')).toBe(true);
	});

	it('keeps any other refusal’s own words', () => {
		expect(streamErrorText('There is no open room BK7-F2Q')).toBe('error: There is no open room BK7-F2Q');
		expect(streamErrorText(undefined)).toBe('error: unknown');
		expect(isBrokerAway(undefined)).toBe(false);
		expect(isBrokerAway('Broker not available')).toBe(false);
	});
});
