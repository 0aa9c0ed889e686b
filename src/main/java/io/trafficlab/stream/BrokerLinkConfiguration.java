package io.trafficlab.stream;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.messaging.support.ExecutorSubscribableChannel;

/**
 * The {@link BrokerLink}: Spring's broker relay, with a channel of its own in place of
 * the browsers' one, so that it opens only its system connection; started only with
 * {@code trafficlab.stream.relay.enabled}. Both beans always exist, and the setting is
 * read when they are made, not in a bean condition: Spring's AOT processing decides
 * conditions when the jar is built, and a start from its code would then never reach the
 * broker (README, "Run").
 *
 * <p>
 * Spring's relay, as {@code MessageBrokerRegistry.enableStompBrokerRelay} sets it up,
 * opens one broker connection per browser and forwards each subscription, so the broker
 * keeps one queue per browser and sends every copy of a room's batch over its own
 * connection back to the instances: a room of 1,000 students over two instances fell a
 * minute behind, and RabbitMQ dropped the owner's connection (README, Benchmarks,
 * "Several servers"). Here every browser stays on its instance's in-memory broker, and
 * the broker carries one copy of a room's stream per instance ({@link RoomsOverBroker}).
 */
@Configuration(proxyBeanMethods = false)
class BrokerLinkConfiguration {

	/** Broker topics: RabbitMQ's STOMP plugin takes one segment after {@code /topic/}. */
	static final String TOPIC_PREFIX = "/topic/";

	@Bean
	StompBrokerRelayMessageHandler brokerRelay(StreamProperties properties,
			@Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel, PeerReports peers,
			RoomsOverBroker rooms) {
		StreamProperties.Relay settings = properties.relay();
		// No browser's frame is ever sent to the first channel; the application's
		// messages for the broker go to the third (BrokerLink)
		StompBrokerRelayMessageHandler relay = new StompBrokerRelayMessageHandler(new ExecutorSubscribableChannel(),
				clientOutboundChannel, new ExecutorSubscribableChannel(), List.of(TOPIC_PREFIX));
		relay.setRelayHost(settings.host());
		relay.setRelayPort(settings.port());
		relay.setSystemLogin(settings.login());
		relay.setSystemPasscode(settings.passcode());
		relay.setVirtualHost(settings.virtualHost());
		relay.setSystemSubscriptions(Map.of(InstanceReport.TOPIC, peers, RoomsOverBroker.TOPIC, rooms));
		relay.setAutoStartup(settings.enabled());
		return relay;
	}

	@Bean
	BrokerLink brokerLink(StompBrokerRelayMessageHandler brokerRelay, SimpMessagingTemplate template) {
		SimpMessagingTemplate toBroker = new SimpMessagingTemplate(brokerRelay.getBrokerChannel());
		toBroker.setMessageConverter(template.getMessageConverter());
		return new BrokerLink(brokerRelay, toBroker, brokerRelay.isAutoStartup());
	}

}
