package io.trafficlab.api;

import java.io.IOException;
import java.util.List;

import io.trafficlab.engine.analysis.LoadBalancedTracer;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.ArrivingPacket;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.PacketTracer;
import io.trafficlab.engine.proxy.SourceClass;
import io.trafficlab.engine.proxy.TraceRequest;
import io.trafficlab.engine.proxy.TraceResult;
import io.trafficlab.engine.rules.MatchedRule;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.RulesWriter;
import io.trafficlab.engine.rules.WalkedPacket;
import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.system.ParameterChoices;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/trace}: one new connection's path through one node, behind the load
 * balancer and on the dataplane the parameters name.
 */
@RestController
record TraceApiController(ManifestImporter importer, LoadBalancedTracer tracer, PacketTracer packets,
		RulesProxiers proxiers) {

	private static final Logger LOGGER = LoggerFactory.getLogger(TraceApiController.class);

	private static final String DEFAULT_NAMESPACE = "default";

	@PostManifests("/api/v1/trace")
	ResponseEntity<TraceJson> trace(@RequestParam(name = "service", required = false) @Nullable String service,
			@RequestParam(name = "node", required = false) @Nullable String node,
			@RequestParam(name = "from", required = false) @Nullable String from,
			@RequestParam(name = "to", required = false) @Nullable String to,
			@RequestParam(name = "sourceIp", required = false) @Nullable String sourceIp,
			@RequestParam(name = "clusterCidr", required = false) @Nullable String clusterCidr,
			@RequestParam(name = "masqueradeAll", required = false) @Nullable String masqueradeAll,
			@RequestParam(name = "loadBalancer", required = false) @Nullable String loadBalancer,
			@RequestParam(name = "dataplane", required = false) @Nullable String dataplane,
			@RequestParam(name = "network", required = false) @Nullable String network,
			@RequestParam(name = "mode", required = false) @Nullable String mode, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		SourceClass source = QueryParameters.requireOneOf("from", from, SourceClass.class);
		DestinationKind destination = QueryParameters.requireOneOf("to", to, DestinationKind.class);
		String sourceAddress = QueryParameters.ipAddress("sourceIp", sourceIp);
		String detector = QueryParameters.clusterCidr("clusterCidr", clusterCidr, TraceRequest.NO_DETECTOR);
		boolean masqueradeEverything = QueryParameters.bool("masqueradeAll", masqueradeAll);
		LoadBalancerKind kind = QueryParameters.loadBalancer(loadBalancer, null);
		Dataplane proxy = QueryParameters.dataplane(dataplane);
		NetworkModel pods = QueryParameters.network(network);
		ProxyMode proxyMode = QueryParameters.oneOf("mode", mode, ProxyMode.class, ProxyMode.IPTABLES);
		Cluster cluster = ManifestRequestBody.imported(request, this.importer).cluster();
		TraceRequest trace = new TraceRequest(service(service, cluster), node(node, cluster), source, destination,
				sourceAddress, detector, masqueradeEverything, pods, proxyMode);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(TraceJson.of(trace(cluster, trace, kind, proxy), pods, rulesMatched(cluster, trace, proxyMode)));
	}

	/** The packet as it arrives at the node, walked through that node's rules. */
	private List<MatchedRule> rulesMatched(Cluster cluster, TraceRequest trace, ProxyMode mode) {
		RulesWriter writer = this.proxiers.writer(mode);
		RulesWalker walker = this.proxiers.walker(mode);
		try {
			NodeRules rules = writer.write(cluster, trace.node(),
					new RulesScope(trace.service(), trace.clusterCidr(), trace.masqueradeAll()));
			ArrivingPacket packet = this.packets.arriving(cluster, trace);
			return walker
				.walk(rules,
						new WalkedPacket(packet.protocol(), packet.sourceIp(), packet.destinationIp(),
								packet.destinationPort(), packet.sourceLocal(), packet.destinationLocal(), null))
				.matched();
		}
		catch (IllegalArgumentException ex) {
			// the trace itself stands; rules the interpreter cannot follow are left out,
			// and said in the log: the walkers follow every packet-flow row, so it is
			// ours
			LOGGER.warn("No rules walk for {} on {} ({}): {}", trace.service(), trace.node(), mode.apiName(),
					ex.getMessage());
			return List.of();
		}
	}

	private TraceResult trace(Cluster cluster, TraceRequest trace, LoadBalancerKind kind, Dataplane dataplane) {
		try {
			return this.tracer.trace(cluster, trace, kind, dataplane);
		}
		catch (IllegalArgumentException ex) {
			// The tracer names the field it cannot use (e.g. a destination the Service
			// does not have)
			throw new InvalidRequestException(String.valueOf(ex.getMessage()));
		}
	}

	private static ServiceRef service(@Nullable String value, Cluster cluster) {
		List<ServiceRef> services = cluster.services().stream().map(Service::ref).toList();
		if (services.isEmpty()) {
			throw new InvalidRequestException("The manifests hold no Service, so there is nothing to trace.");
		}
		if (QueryParameters.isBlank(value) && services.size() == 1) {
			return services.get(0);
		}
		List<String> names = services.stream().map(ServiceRef::toString).toList();
		if (QueryParameters.isBlank(value)) {
			throw new InvalidRequestException(
					"Query parameter 'service' is required when the manifests hold several Services; use one of: "
							+ ParameterChoices.listed(names) + ".");
		}
		String qualified = value.contains("/") ? value : DEFAULT_NAMESPACE + "/" + value;
		QueryParameters.requireKnown("service", qualified, names, "Service");
		return services.get(names.indexOf(qualified));
	}

	private static String node(@Nullable String value, Cluster cluster) {
		List<String> nodes = cluster.nodes().stream().map(Node::name).toList();
		return QueryParameters.requireKnown("node", value, nodes, "node", "the node where the packet arrives");
	}

}
