package io.trafficlab.stream;

import io.trafficlab.sandbox.EventBatch;
import io.trafficlab.sandbox.SandboxDestinations;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends batches and statistics to a sandbox's topics, as JSON.
 */
@Component
class StreamPublisher {

	private final SimpMessagingTemplate template;

	StreamPublisher(SimpMessagingTemplate template) {
		this.template = template;
	}

	void publishBatch(String sandbox, EventBatch batch) {
		this.template.convertAndSend(SandboxDestinations.eventsTopic(sandbox), batch);
	}

	void publishStatistics(String sandbox, StatisticsMessage statistics) {
		this.template.convertAndSend(SandboxDestinations.statsTopic(sandbox), statistics);
	}

}
