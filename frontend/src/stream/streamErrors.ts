// What the page says when the stream's server refuses or drops it. When several servers share a message broker
// (RabbitMQ), a page watching a room held by another server depends on it: if the broker goes away, the server sends
// an ERROR frame with the words Spring's broker relay uses ("Connection to broker closed.") and closes the WebSocket,
// and while it is away refuses that room with "Broker not available." (stream/RoomsOverBroker.java,
// StreamInboundGuard.java); the page reconnects every few seconds until the broker is back.

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
