// What the page says when the stream's server refuses or drops it. With an external message broker (RabbitMQ behind
// Spring's broker relay), an outage of the broker reaches the page as an ERROR frame whose message is Spring's own
// ("Connection to broker closed." for a connection the broker dropped, "Broker not available." for a connection tried
// while it is away), followed by the WebSocket closing; the page reconnects every few seconds until the broker is back.

const BROKER_AWAY_MESSAGES = new Set(['Connection to broker closed.', 'Broker not available.']);

export const BROKER_AWAY_TEXT = 'the server’s message broker is not answering; reconnecting…';

/** Whether an ERROR frame's message says the server's message broker is away (not that this page did wrong). */
export function isBrokerAway(message: string | undefined): boolean {
	return message !== undefined && BROKER_AWAY_MESSAGES.has(message);
}

/** The status text for an ERROR frame's message. */
export function streamErrorText(message: string | undefined): string {
	return isBrokerAway(message) ? BROKER_AWAY_TEXT : `error: ${message ?? 'unknown'}`;
}
