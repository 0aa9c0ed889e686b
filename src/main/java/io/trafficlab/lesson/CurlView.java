package io.trafficlab.lesson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerSpec;
import io.trafficlab.engine.balancer.ProbeProtocol;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.balancer.ProbeTarget;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.simulation.SimulationSnapshot;
import io.trafficlab.engine.simulation.SimulationSnapshot.NodeState;
import io.trafficlab.engine.simulation.SimulationStatistics;
import io.trafficlab.engine.simulation.SimulationStatistics.HealthCheckRow;
import io.trafficlab.sandbox.Sandbox;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A terminal showing {@code curl -i} against a node's healthCheckNodePort, answered by
 * the sandbox's kube-proxy as it is now: the status line and headers as Go's HTTP server
 * writes them (the handler's headers sorted, then the {@code Date} and the
 * {@code Content-Length} it adds for a small body: net/http's {@code extraHeader.Write}),
 * then the body byte for byte.
 *
 * @param node the node
 * @param command the command line, without the prompt
 * @param output the answer's lines, or empty when there is no health-check port
 * @param note a sentence under the terminal
 * @param port the healthCheckNodePort the command targets, or {@code null} when it
 * targets none (so that running it again asks the same port)
 */
public record CurlView(String node, String command, List<String> output, String note, @Nullable Integer port) {

	/** Go's {@code http.TimeFormat}: "Sun, 06 Dec 2026 16:05:12 GMT". */
	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	static CurlView of(Sandbox sandbox, String node) {
		return of(sandbox, node, null);
	}

	/**
	 * The terminal now; {@code shownPort} is the port an earlier run of it targeted: once
	 * the Service has no healthCheckNodePort any more (switched to Cluster), curl to that
	 * port is refused, as kube-proxy has released it.
	 */
	static CurlView of(Sandbox sandbox, String node, @Nullable Integer shownPort) {
		NodeState state = sandbox.snapshot()
			.simulation()
			.nodes()
			.stream()
			.filter((candidate) -> candidate.name().equals(node))
			.findFirst()
			.orElseThrow(() -> new LessonBadRequestException("The sandbox has no node \"" + node + "\" now."));
		SimulationStatistics statistics = sandbox.statistics().statistics();
		int port = statistics.exact().service().healthCheckNodePort();
		SimulationSnapshot simulation = sandbox.snapshot().simulation();
		Service service = simulation.service();
		LoadBalancerSpec spec = (service.type() == ServiceType.LOAD_BALANCER) ? LoadBalancerCatalog
			.of(simulation.loadBalancerKind(), service, simulation.loadBalancer(), new ArrayList<>()) : null;
		if (state.gone() && port != 0) {
			return new CurlView(node, "curl -i http://" + state.internalIp() + ":" + port + "/healthz", List.of(),
					deadNote(node, spec), port);
		}
		HealthCheckResponse answer = statistics.healthChecks()
			.stream()
			.filter((row) -> row.node().equals(node))
			.map(HealthCheckRow::healthCheck)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		if (port == 0 && shownPort != null && !state.gone()) {
			return new CurlView(node, "curl -i http://" + state.internalIp() + ":" + shownPort + "/healthz",
					List.of("curl: (7) Failed to connect to " + state.internalIp() + " port " + shownPort
							+ " after 0 ms: Connection refused"),
					"Refused: under externalTrafficPolicy Cluster the Service has no healthCheckNodePort, so "
							+ "kube-proxy has released port " + shownPort + " and nothing listens on it.",
					shownPort);
		}
		if (port == 0 || answer == null) {
			return new CurlView(node, "kubectl get service web -o jsonpath='{.spec.healthCheckNodePort}'", List.of(),
					"Empty: under externalTrafficPolicy Cluster the Service has no healthCheckNodePort."
							+ ((spec != null) ? " " + clusterProbeNote(spec) : ""),
					null);
		}
		return new CurlView(node, "curl -i http://" + state.internalIp() + ":" + port + "/healthz",
				lines(answer, Instant.now()), "kube-proxy's answer on " + node + " as it is now.", port);
	}

	/**
	 * Under a dead node's terminal: curl times out, as the load balancer's probe does
	 * when it checks this port ({@code spec}'s probe of the healthCheckNodePort).
	 */
	static String deadNote(String node, @Nullable LoadBalancerSpec spec) {
		ProbeSpec probe = (spec != null) ? spec.probe() : null;
		return node + " is dead: nothing answers, so curl waits until the connection attempt times out"
				+ ((probe != null && probe.target() == ProbeTarget.HEALTH_CHECK_NODE_PORT)
						? ", as the load balancer's probe does." : ".");
	}

	/**
	 * What the sandbox's load balancer checks instead when the Service has no
	 * healthCheckNodePort (Cluster), from its catalogue entry.
	 */
	static String clusterProbeNote(LoadBalancerSpec spec) {
		ProbeSpec probe = spec.probe();
		if (probe == null) {
			return "This sandbox's load balancer, " + spec.kind().label() + ", probes nothing: nothing to show.";
		}
		String name = (spec.kind() == LoadBalancerKind.AWS_NLB_INSTANCE)
				? "an AWS NLB as the AWS Load Balancer Controller configures it" : "the " + spec.kind().label();
		String how = (probe.protocol() == ProbeProtocol.TCP) ? "opens a TCP connection to "
				: "sends HTTP " + probe.path() + " to ";
		String what = switch (probe.target()) {
			case NODE_PORT -> how + "the NodePort instead";
			case POD_PORT -> how + "each pod's port instead, not to the nodes";
			case PROXY_HEALTHZ -> how + "kube-proxy's own health server on port " + probe.port()
					+ " instead, which answers for kube-proxy, not for the Service";
			case HEALTH_CHECK_NODE_PORT -> how + "the healthCheckNodePort";
		};
		return "This sandbox's load balancer, " + name + ", then " + what + ": no "
				+ ((probe.protocol() == ProbeProtocol.TCP) ? "HTTP answer" : "healthCheckNodePort answer")
				+ " to show.";
	}

	static List<String> lines(HealthCheckResponse answer, Instant now) {
		List<String> lines = new ArrayList<>();
		@Nullable HttpStatus status = HttpStatus.resolve(answer.status());
		lines.add("HTTP/1.1 " + answer.status() + ((status != null) ? " " + status.getReasonPhrase() : ""));
		new TreeMap<>(answer.headers()).forEach((name, value) -> lines.add(name + ": " + value));
		lines.add("Date: " + HTTP_DATE.format(now));
		lines.add("Content-Length: " + answer.body().getBytes(StandardCharsets.UTF_8).length);
		lines.add("");
		lines.addAll(answer.body().lines().toList());
		return lines;
	}

	/** The whole terminal text, as a learner would see it: prompt, command, answer. */
	public String text() {
		StringBuilder out = new StringBuilder("$ ").append(this.command);
		this.output.forEach((line) -> out.append('\n').append(line));
		return out.toString();
	}

}
