/**
 * The live event stream: STOMP over WebSocket at {@code /ws}, one topic of event batches
 * and one of statistics per sandbox, a snapshot on subscription, and the ticker that
 * advances every running sandbox. Commands never travel here: they are plain HTTP.
 */
@NullMarked
package io.trafficlab.stream;

import org.jspecify.annotations.NullMarked;
