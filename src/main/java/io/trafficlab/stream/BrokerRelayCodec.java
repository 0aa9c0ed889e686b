package io.trafficlab.stream;

import java.util.Collection;

import io.netty.buffer.ByteBuf;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompReactorNettyCodec;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.messaging.tcp.reactor.ReactorNettyCodec;

/**
 * Spring's STOMP codec on the relay's TCP connections, renaming topics on the wire only
 * ({@link BrokerDestinations}): the guard, the subscription counts and the browsers keep
 * seeing the application's own names.
 */
final class BrokerRelayCodec implements ReactorNettyCodec<byte[]> {

	private static final String DESTINATION = "destination";

	private final StompReactorNettyCodec stomp = new StompReactorNettyCodec(new StompDecoder());

	@Override
	public Collection<Message<byte[]>> decode(ByteBuf inputBuffer) {
		Collection<Message<byte[]>> messages = this.stomp.decode(inputBuffer);
		for (Message<byte[]> message : messages) {
			// The decoder leaves its accessors mutable: the relay sets the session on
			// them too
			StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
			String destination = (accessor != null) ? accessor.getFirstNativeHeader(DESTINATION) : null;
			if (destination != null) {
				accessor.setDestination(BrokerDestinations.fromBroker(destination));
			}
		}
		return messages;
	}

	@Override
	public void encode(Message<byte[]> message, ByteBuf outputBuffer) {
		StompHeaderAccessor accessor = StompHeaderAccessor.wrap(message);
		String destination = accessor.getFirstNativeHeader(DESTINATION);
		if (destination == null) {
			this.stomp.encode(message, outputBuffer);
			return;
		}
		accessor.setNativeHeader(DESTINATION, BrokerDestinations.toBroker(destination));
		this.stomp.encode(MessageBuilder.createMessage(message.getPayload(), accessor.getMessageHeaders()),
				outputBuffer);
	}

}
