package io.trafficlab.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.messaging.simp.stomp.StompSession;

import static io.trafficlab.stream.StompTestClient.events;
import static io.trafficlab.stream.StompTestClient.findWithin10s;
import static io.trafficlab.stream.StompTestClient.subscribeToEvents;
import static io.trafficlab.stream.StompTestClient.subscribeToSnapshot;
import static io.trafficlab.stream.StompTestClient.subscribeToStatistics;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server computes for the page reaches it over the real WebSocket: the Service
 * as YAML (snapshot, ServiceUpdated), the exact fairness as fractions, and whose each
 * source address a pod sees is.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServerComputedFieldsStreamTests extends RunningServer {

	@Test
	void snapshotAndServiceUpdatedShouldCarryTheServiceAsYaml() throws Exception {
		Sandbox sandbox = sandbox("uneven-3-1-0");
		StompSession session = connect();
		BlockingQueue<Map<String, Object>> batches = subscribeToEvents(session, sandbox);
		Map<String, Object> snapshot = subscribeToSnapshot(session, sandbox).poll(5, TimeUnit.SECONDS);
		assertThat(snapshot).isNotNull();
		assertThat((String) snapshot.get("serviceYaml")).contains("kind: Service", "externalTrafficPolicy: Local");
		Thread.sleep(200);
		sandbox.apply(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));
		Map<String, Object> updated = findWithin10s(batches,
				(batch) -> events(batch).stream()
					.filter((event) -> "ServiceUpdated".equals(event.get("type")))
					.findFirst()
					.orElse(null));
		assertThat(updated).isNotNull().containsEntry("to", "Cluster");
		assertThat((String) updated.get("serviceYaml")).isEqualTo(sandbox.snapshot().serviceYaml())
			.contains("externalTrafficPolicy: Cluster");
	}

	@Test
	void statisticsShouldCarryExactFairnessAndWhoseEachSourceIs() throws Exception {
		Sandbox sandbox = sandbox("uneven-3-1-0");
		StompSession session = connect();
		BlockingQueue<Map<String, Object>> stats = subscribeToStatistics(session, sandbox);
		Map<String, Object> local = statistics(stats.poll(5, TimeUnit.SECONDS));
		assertThat(local.get("exactFairness")).isEqualTo(Map.of("busiestPod", "web-4", "busiestShare", "1/2",
				"maxShare", "1/2", "minShare", "1/6", "maxOverMin", "3"));
		List<Map<String, Object>> sources = sources(pod(local, "web-4"));
		assertThat(sources).isNotEmpty().allSatisfy((source) -> {
			assertThat(source).containsEntry("kind", "client").containsKey("address");
			assertThat(source.get("node")).isNull();
		});
		sandbox.apply(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));
		Map<String, Object> cluster = findWithin10s(stats, (message) -> {
			Map<String, Object> statistics = statistics(message);
			return "1/4".equals(pod(statistics, "web-4").get("exactShare")) ? statistics : null;
		});
		assertThat(cluster).isNotNull();
		assertThat(sources(pod(cluster, "web-4"))).extracting((source) -> source.get("kind") + " " + source.get("node"))
			.startsWith("internal-ip n1", "pod-gateway n2", "internal-ip n3");
	}

	private StompSession connect() throws Exception {
		return this.client.connect();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> statistics(Map<String, Object> message) {
		assertThat(message).isNotNull();
		return (Map<String, Object>) message.get("statistics");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> pod(Map<String, Object> statistics, String name) {
		return ((List<Map<String, Object>>) statistics.get("pods")).stream()
			.filter((pod) -> name.equals(pod.get("pod")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> sources(Map<String, Object> pod) {
		return (List<Map<String, Object>>) pod.get("sources");
	}

}
