package io.trafficlab.stream;

import io.trafficlab.sandbox.SandboxRegistry;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Keeps the stream one-way and per sandbox: clients may not SEND (commands are HTTP, and a SEND to {@code /topic}
 * would reach other subscribers), and may subscribe only to a live sandbox's own destinations. A refusal reaches the
 * client as a STOMP ERROR frame.
 */
@Component
class StreamInboundGuard implements ChannelInterceptor {

	private final SandboxRegistry registry;

	StreamInboundGuard(SandboxRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null) {
			return message;
		}
		if (accessor.getCommand() == StompCommand.SEND) {
			throw new MessageDeliveryException(message, "The stream only carries events to the browser; send "
					+ "commands as HTTP requests to /api/v1/sandboxes/{id}/...");
		}
		if (accessor.getCommand() == StompCommand.SUBSCRIBE) {
			String destination = accessor.getDestination();
			StreamDestination target = StreamDestination.parse(destination)
				.orElseThrow(() -> new MessageDeliveryException(message,
						"Cannot subscribe to " + destination + "; subscribe to " + StreamDestination.ALLOWED + "."));
			if (this.registry.find(target.sandbox()).isEmpty()) {
				throw new MessageDeliveryException(message, "There is no sandbox \"" + target.sandbox()
						+ "\": it never existed or it ended. Create one with POST /api/v1/sandboxes.");
			}
		}
		return message;
	}

}
