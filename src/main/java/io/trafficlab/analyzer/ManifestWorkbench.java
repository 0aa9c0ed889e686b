package io.trafficlab.analyzer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.trafficlab.engine.analysis.AnalysisOptions;
import io.trafficlab.engine.analysis.ClusterAnalyzer;
import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.analysis.LoadBalancedTracer;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.ClusterLimitException;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.UnknownValueException;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.SourceClass;
import io.trafficlab.engine.proxy.TraceRequest;
import io.trafficlab.manifest.ImportedCluster;
import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.manifest.ManifestSyntaxException;
import io.trafficlab.system.RequestLimits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs the page's submissions through the manifest importer, the analyzer and the packet
 * tracer, and turns every problem into an {@link InlineError}. Keeps nothing between
 * requests.
 */
@Component
record ManifestWorkbench(ManifestImporter importer, ClusterAnalyzer analyzer, LoadBalancedTracer tracer) {

	private static final Logger logger = LoggerFactory.getLogger(ManifestWorkbench.class);

	AnalyzerOutcome analyze(AnalyzeForm form) {
		try {
			ImportedCluster imported = importManifests(form);
			return new AnalyzerOutcome(analyze(imported, form), null, null, null);
		}
		catch (Rejected ex) {
			return AnalyzerOutcome.failed(ex.error);
		}
	}

	AnalyzerOutcome analyzeAndTrace(AnalyzeForm form, TraceForm trace) {
		try {
			ImportedCluster imported = importManifests(form);
			AnalyzerOutcome outcome = new AnalyzerOutcome(analyze(imported, form), null, null, null);
			try {
				return outcome.withTrace(trace(imported.cluster(), form, trace), null);
			}
			catch (Rejected ex) {
				return outcome.withTrace(null, ex.error);
			}
		}
		catch (Rejected ex) {
			return AnalyzerOutcome.failed(ex.error);
		}
	}

	AnalyzerOutcome trace(AnalyzeForm form, TraceForm trace) {
		try {
			Cluster cluster = importManifests(form).cluster();
			return new AnalyzerOutcome(null, null, trace(cluster, form, trace), null);
		}
		catch (Rejected ex) {
			return new AnalyzerOutcome(null, null, null, ex.error);
		}
	}

	private ImportedCluster importManifests(AnalyzeForm form) {
		String manifests = form.manifestsText();
		if (manifests.isBlank()) {
			throw rejected(HttpStatus.BAD_REQUEST, "Nothing to analyze",
					"Paste Kubernetes manifests (nodes, a Service, its pods or EndpointSlices) or pick an example.");
		}
		byte[] bytes = manifests.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > RequestLimits.MAX_MANIFEST_BYTES) {
			throw rejected(HttpStatus.CONTENT_TOO_LARGE, "Too large", RequestLimits.BODY_TOO_LARGE);
		}
		try {
			return this.importer.read(new ByteArrayInputStream(bytes));
		}
		catch (ManifestSyntaxException ex) {
			throw new Rejected(new InlineError(HttpStatus.BAD_REQUEST,
					"Not valid YAML or JSON (line " + ex.line() + ", column " + ex.column() + ")",
					List.of(String.valueOf(ex.getMessage())), SourceExcerpt.of(manifests, ex.line(), ex.column())));
		}
		catch (InvalidObjectException ex) {
			throw new Rejected(new InlineError(HttpStatus.UNPROCESSABLE_CONTENT,
					"The API server would reject these manifests", ex.messages(), null));
		}
		catch (ClusterLimitException ex) {
			throw rejected(HttpStatus.UNPROCESSABLE_CONTENT, "Over the sandbox's limits",
					String.valueOf(ex.getMessage()));
		}
		catch (StackOverflowError ex) {
			throw rejected(HttpStatus.BAD_REQUEST, "Not valid YAML or JSON",
					"The manifests are nested too deeply to read.");
		}
		catch (RuntimeException ex) {
			throw unexpected(ex);
		}
	}

	private AnalysisView analyze(ImportedCluster imported, AnalyzeForm form) {
		LoadBalancerModel loadBalancer = choice(LoadBalancerModel.class, "lb", form.lbOrDefault(),
				"load balancer model");
		LoadBalancerKind kind = kindOf(form);
		Dataplane dataplane = dataplaneOf(form);
		NetworkModel network = networkOf(form);
		String clientIp = form.clientIpText().isEmpty() ? AnalysisOptions.DEFAULT_CLIENT_IP : form.clientIpText();
		if (IpAddress.tryParse(clientIp) == null) {
			throw rejected(HttpStatus.BAD_REQUEST, "Check the client IP",
					"The client IP must be an IP address such as 203.0.113.10 (got \"" + clientIp + "\").");
		}
		try {
			var options = new AnalysisOptions(loadBalancer, clientIp, listedNodes(imported.cluster()), kind, dataplane,
					network);
			String lbWords = (kind == LoadBalancerKind.GENERIC)
					? CatalogueChoices.loadBalancer(kind)
						.label()
						.replace("(even or weighted)", "(" + form.lbOrDefault() + ")")
					: CatalogueChoices.loadBalancer(kind).label();
			return AnalysisView.of(this.analyzer.analyze(imported.cluster(), options), imported, lbWords, dataplane,
					network, clientIp);
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw unexpected(ex);
		}
	}

	private TraceView trace(Cluster cluster, AnalyzeForm form, TraceForm trace) {
		var source = FormChoices.find(FormChoices.SOURCES, trace.traceFrom());
		var destination = FormChoices.find(FormChoices.DESTINATIONS, trace.traceTo());
		ServiceRef service = serviceOf(cluster, trace.traceService());
		String node = trace.traceNode();
		if (source == null || destination == null || node == null || node.isBlank()) {
			throw rejected(HttpStatus.BAD_REQUEST, "Check the trace",
					"Choose a Service, a node, a source and a destination.");
		}
		String sourceIp = sourceIpOf(trace, form, source.kind());
		TraceRequest request = new TraceRequest(service, node, source.kind(), destination.kind(), sourceIp, null, false,
				networkOf(form));
		LoadBalancerKind kind = kindOf(form);
		Dataplane dataplane = dataplaneOf(form);
		try {
			return TraceView.of(summary(source, destination, service, node, sourceIp),
					this.tracer.trace(cluster, request, kind, dataplane));
		}
		catch (IllegalArgumentException ex) {
			throw rejected(HttpStatus.BAD_REQUEST, "This packet cannot be traced", String.valueOf(ex.getMessage()));
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw unexpected(ex);
		}
	}

	private static ServiceRef serviceOf(Cluster cluster, @Nullable String value) {
		return cluster.services()
			.stream()
			.map((service) -> service.ref())
			.filter((ref) -> value == null || value.isBlank() || ref.toString().equals(value))
			.findFirst()
			.orElseThrow(() -> rejected(HttpStatus.BAD_REQUEST, "Check the trace",
					(value == null || value.isBlank()) ? "The manifests hold no Service to trace."
							: "The manifests hold no Service \"" + value + "\". Analyze again after editing them."));
	}

	private static @Nullable String sourceIpOf(TraceForm trace, AnalyzeForm form, SourceClass source) {
		String sourceIp = trace.sourceIpText();
		if (sourceIp.isEmpty()) {
			// An external packet comes from the same client the analysis uses
			return (source == SourceClass.EXTERNAL && !form.clientIpText().isEmpty()) ? form.clientIpText() : null;
		}
		if (IpAddress.tryParse(sourceIp) == null) {
			throw rejected(HttpStatus.BAD_REQUEST, "Check the trace",
					"The source IP must be an IP address such as 10.244.3.7 (got \"" + sourceIp + "\").");
		}
		return sourceIp;
	}

	private static String summary(FormChoices.Choice<SourceClass> source,
			FormChoices.Choice<DestinationKind> destination, ServiceRef service, String node,
			@Nullable String sourceIp) {
		String from = (sourceIp != null) ? source.label() + " (" + sourceIp + ")" : source.label();
		return "From " + from + " to " + destination.label() + " of " + service + ", arriving at node " + node + ".";
	}

	/**
	 * The constant of {@code type} that the form's {@code field} spells; else a refusal
	 * titled "Check the {@code what}" that names the choices.
	 */
	private static <E extends Enum<E> & Spelled> E choice(Class<E> type, String field, String value, String what) {
		try {
			return Spelled.parse(type, field, value);
		}
		catch (UnknownValueException ex) {
			// "even or weighted", but "one of a, b or c"
			String choices = (ex.allowed().size() > 2) ? "one of " + ex.alternatives() : ex.alternatives();
			throw rejected(HttpStatus.BAD_REQUEST, "Check the " + what,
					"The " + what + " must be " + choices + " (got \"" + value + "\").");
		}
	}

	/**
	 * The catalogue's load balancer; {@code lb=weighted} (the generic one's spreading)
	 * with another is refused, as the JSON API refuses it.
	 */
	private static LoadBalancerKind kindOf(AnalyzeForm form) {
		String id = form.loadBalancerOrDefault();
		LoadBalancerKind kind = choice(LoadBalancerKind.class, "loadBalancer", id, "load balancer");
		// a page without JavaScript cannot hide the spreading field and sends its
		// default,
		// even: only an explicit weighted contradicts another load balancer
		if (kind != LoadBalancerKind.GENERIC && form.lbGiven()
				&& !LoadBalancerModel.EVEN.apiName().equals(form.lbOrDefault())) {
			throw rejected(HttpStatus.BAD_REQUEST, "Choose one load balancer",
					"The spreading \"" + form.lbOrDefault() + "\" (even or weighted) tunes only the generic load "
							+ "balancer, and " + id + " spreads as its controller does. Leave the spreading out, "
							+ "or choose the generic load balancer.");
		}
		return kind;
	}

	private static NetworkModel networkOf(AnalyzeForm form) {
		return choice(NetworkModel.class, "network", form.networkOrDefault(), "pod network");
	}

	private static Dataplane dataplaneOf(AnalyzeForm form) {
		return choice(Dataplane.class, "dataplane", form.dataplaneOrDefault(), "dataplane");
	}

	/**
	 * The page lists a limited number of nodes, so the analyzer need not compute the
	 * rest.
	 */
	private static @Nullable Set<String> listedNodes(Cluster cluster) {
		if (cluster.nodes().size() <= AnalysisView.MAX_NODES) {
			return null;
		}
		Set<String> listed = new LinkedHashSet<>();
		cluster.nodes().stream().limit(AnalysisView.MAX_NODES).map(Node::name).forEach(listed::add);
		return listed;
	}

	private static Rejected rejected(HttpStatus status, String title, String message) {
		return new Rejected(InlineError.of(status, title, message));
	}

	private static Rejected unexpected(Throwable ex) {
		String reference = UUID.randomUUID().toString().substring(0, 8);
		logger.error("Unexpected failure while analyzing manifests (reference {})", reference, ex);
		return rejected(HttpStatus.UNPROCESSABLE_CONTENT, "Traffic Lab could not process these manifests",
				"This is a bug in Traffic Lab, not in your manifests (reference " + reference
						+ "). The details are in the server log.");
	}

	/** Ends a submission early with the error to show. */
	private static final class Rejected extends RuntimeException {

		private final transient InlineError error;

		Rejected(InlineError error) {
			super(error.title(), null, false, false);
			this.error = error;
		}

	}

}
