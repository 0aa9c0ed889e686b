package io.trafficlab.engine.balancer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue: every per-LB rule, written once, each arm citing the upstream code it
 * follows (read at the commits named in {@code docs/research/load-balancers-verified.md}
 * §0). Everything else reads the {@link LoadBalancerSpec} this returns.
 */
public final class LoadBalancerCatalog {

	/** kube-proxy's health server port (R19). */
	/**
	 * An NLB's {@code load_balancing.cross_zone.enabled} when no annotation sets it: off
	 * (AWS docs, <i>target-group-cross-zone</i>: "With Network Load Balancers, cross-zone
	 * load balancing is off by default").
	 */
	public static final boolean NLB_CROSS_ZONE_DEFAULT = false;

	public static final int PROXY_HEALTH_PORT = 10256;

	public static final String HEALTHZ = "/healthz";

	private LoadBalancerCatalog() {
	}

	/**
	 * What {@code kind} does for {@code service} (a LoadBalancer Service), under its
	 * current policy and annotations.
	 * @param model the EVEN/WEIGHTED knob of {@code generic} ({@code lb=}); the other ids
	 * ignore it
	 * @param warnings receives what a person should know: bad annotation values,
	 * annotations with no effect
	 */
	public static LoadBalancerSpec of(LoadBalancerKind kind, Service service, LoadBalancerModel model,
			List<String> warnings) {
		ServiceAnnotations annotations = new ServiceAnnotations(service, warnings);
		boolean local = service.needsHealthCheck();
		return switch (kind) {
			// R20 (kube-proxy-semantics.md): no upstream controller. Probe figures: the
			// legacy GCE target pool's, the only LB that checks exactly R20's pair
			// (cloud-provider-gcp providers/gce/gce.go l.78–83, gce_healthchecks.go).
			case GENERIC -> new LoadBalancerSpec(kind, Arrival.LB_IP,
					(model == LoadBalancerModel.WEIGHTED) ? Spread.WEIGHTED_BY_HEADER : Spread.EVEN,
					NoHealthy.FAIL_OPEN, Registration.ALL_NODES, defaultProbe(kind, service), true, true, true);
			// aws-load-balancer-controller: targets pkg/backend/endpoint_resolver.go
			// ResolveNodePortEndpoints (Ready=True, IsNodeSuitableAsTrafficProxy); port
			// model_build_target_group.go buildTargetGroupPort (the NodePort); probes
			// model_builder.go l.147–164 (defaultHealthCheck…ForInstanceModeLocal),
			// buildTargetGroupHealthCheckConfig; client IP buildPreserveClientIPFlag
			// (instance: true); cross-zone off (AWS default, never set by the controller,
			// model_build_load_balancer.go getLoadBalancerAttributes); status
			// controllers/service/service_controller.go updateServiceStatus (hostname).
			case AWS_NLB_INSTANCE -> {
				boolean preserve = nlbTargetGroup(annotations, "instance", true);
				yield new LoadBalancerSpec(kind, Arrival.NODE_PORT_REWRITE, Spread.PER_ZONE, NoHealthy.FAIL_OPEN,
						Registration.AWS_LBC, awsHealthCheck(annotations, defaultProbe(kind, service), service),
						nlbCrossZone(annotations), preserve, false);
			}
			// aws-load-balancer-controller: targets endpoint_resolver.go
			// resolvePodEndpointsWithEndpointsData (Ready pods); probe model_builder.go
			// l.147–154 (TCP traffic-port 10/10/3/3, both policies); client IP
			// buildPreserveClientIPFlag (ip targets over TCP: false); cross-zone and
			// status as for instance targets.
			case AWS_NLB_IP -> {
				boolean preserve = nlbTargetGroup(annotations, "ip", false);
				yield new LoadBalancerSpec(kind, Arrival.POD_DIRECT, Spread.PER_ZONE, NoHealthy.FAIL_OPEN,
						Registration.ALL_NODES, awsHealthCheck(annotations, defaultProbe(kind, service), service),
						nlbCrossZone(annotations), preserve, false);
			}
			// cloud-provider-aws pkg/providers/v1/aws.go EnsureLoadBalancer (listeners to
			// NodePorts, CrossZoneLoadBalancing false l.2575–2581, health check
			// l.2744–2791), aws_loadbalancer.go l.66–77 (10/5/2/6); registered instances:
			// kubernetes/cloud-provider controllers/service/controller.go
			// stableNodeSetPredicates (Ready not read); status toStatus (hostname).
			case AWS_CLB -> {
				Boolean crossZone = annotations.awsBoolean(ServiceAnnotations.CROSS_ZONE);
				String proxyProtocol = annotations.aws(ServiceAnnotations.PROXY_PROTOCOL);
				if ("*".equals(proxyProtocol)) {
					warnings.add(service.ref() + ": the Classic ELB sends the client's address in a PROXY protocol "
							+ "header (" + ServiceAnnotations.PROXY_PROTOCOL + ": \"*\"); the pod's socket still sees "
							+ "the load balancer's address");
				}
				yield new LoadBalancerSpec(kind, Arrival.PROXY_TO_NODE_PORT, Spread.PER_ZONE, NoHealthy.LB_CLOSES,
						Registration.STABLE_NODE_SET, awsHealthCheck(annotations, defaultProbe(kind, service), service),
						Boolean.TRUE.equals(crossZone), false, false);
			}
			// ingress-gce pkg/l4/healthchecks/healthchecksl4.go l.42–50 and l.130–131
			// (Local: own check 3/1/1/2 on the HCNP; Cluster: shared :10256/healthz
			// 8/1/1/3); pkg/l4/resources/l4netlb.go determineBackendServiceLocalityPolicy
			// (WEIGHTED_MAGLEV only with the annotation and Local); backends
			// pkg/utils/zonegetter/zone_getter.go nodePredicateInternal; status
			// pkg/utils/utils.go AddIPToLBStatus (an IP).
			case GKE_PASSTHROUGH -> {
				boolean weighted = gkeWeighted(annotations, service, local, warnings);
				yield new LoadBalancerSpec(kind, Arrival.LB_IP, weighted ? Spread.WEIGHTED_BY_HEADER : Spread.EVEN,
						NoHealthy.FAIL_OPEN, Registration.GKE_CANDIDATES, defaultProbe(kind, service), true, true,
						true);
			}
			// cloud-provider-azure pkg/provider/azure_loadbalancer.go l.3181–3203 (Local:
			// HTTP /healthz on the HCNP, 5 s, probeThreshold 2), l.3313–3316 (floating
			// IP), l.1150 (status IP); azure_loadbalancer_healthprobe.go
			// buildHealthProbeRulesForPort (Cluster: TCP to the NodePort unless
			// annotated, HTTP path "/"); noHealthyBackendsBehavior never set, so
			// Azure's AllProbedDown. Azure exposes no probe timeout: the interval is
			// used.
			case AZURE -> new LoadBalancerSpec(kind, Arrival.LB_IP, Spread.EVEN, NoHealthy.NO_NEW_FLOWS,
					Registration.STABLE_NODE_SET,
					local ? defaultProbe(kind, service) : azureClusterProbe(annotations, service), true, true, true);
			// metallb speaker/layer2_controller.go ShouldAnnounce (no endpoint that can
			// serve: nobody announces; Local: nodesWithEndpoint; SHA-256 order), no
			// probe.
			case METALLB_L2 -> new LoadBalancerSpec(kind, Arrival.L2_ANNOUNCE, Spread.SINGLE_ANNOUNCER,
					NoHealthy.NOT_ANNOUNCED, Registration.METALLB_SPEAKERS, null, true, true, true);
			// metallb speaker/bgp_controller.go ShouldAnnounce, hasHealthyEndpoint; the
			// router's ECMP per advertising node (website usage/_index.md), no probe.
			case METALLB_BGP -> new LoadBalancerSpec(kind, Arrival.BGP_ECMP, Spread.ECMP_PER_NODE,
					NoHealthy.NOT_ANNOUNCED, Registration.METALLB_SPEAKERS, null, true, true, true);
		};
	}

	/**
	 * Reads an NLB's target group for {@code targetType} ({@code instance} or
	 * {@code ip}): warns when the annotations name the other type, checks the attributes
	 * only the simulation uses, and answers whether it preserves the client's address
	 * ({@code preserve_client_ip.enabled}, {@code preserveByDefault} unless set).
	 */
	private static boolean nlbTargetGroup(ServiceAnnotations annotations, String targetType,
			boolean preserveByDefault) {
		warnAboutTargetType(annotations, targetType);
		Map<String, String> attributes = annotations.awsAttributes(ServiceAnnotations.TARGET_GROUP_ATTRIBUTES);
		boolean preserve = annotations.awsBooleanAttribute(ServiceAnnotations.TARGET_GROUP_ATTRIBUTES, attributes,
				"preserve_client_ip.enabled", preserveByDefault);
		readSimulationAttributes(annotations, attributes);
		return preserve;
	}

	/**
	 * The health check {@code kind}'s controller configures by default under Local
	 * ({@code local}) or Cluster, with port {@code 0} where the Service gives the port;
	 * {@code null} for MetalLB, which does not probe. The one place each figure is
	 * written: {@link #of} and the simulation's probe timing read it. Sources as in
	 * {@link #of}; Azure exposes no probe timeout, so its interval stands in for it (the
	 * sandbox's choice).
	 */
	public static @Nullable ProbeSpec defaultProbe(LoadBalancerKind kind, boolean local) {
		return switch (kind) {
			case GENERIC -> local ? ProbeSpec.http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 0, HEALTHZ, 8, 1, 1, 3)
					: ProbeSpec.http(ProbeTarget.PROXY_HEALTHZ, PROXY_HEALTH_PORT, HEALTHZ, 8, 1, 1, 3);
			case AWS_NLB_INSTANCE -> local ? ProbeSpec.http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 0, HEALTHZ, 10, 6, 2, 2)
					: ProbeSpec.tcp(ProbeTarget.NODE_PORT, 0, 10, 10, 3, 3);
			case AWS_NLB_IP -> ProbeSpec.tcp(ProbeTarget.POD_PORT, 0, 10, 10, 3, 3);
			case AWS_CLB -> local ? ProbeSpec.http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 0, HEALTHZ, 10, 5, 2, 6)
					: ProbeSpec.tcp(ProbeTarget.NODE_PORT, 0, 10, 5, 2, 6);
			case GKE_PASSTHROUGH -> local ? ProbeSpec.http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 0, HEALTHZ, 3, 1, 1, 2)
					: ProbeSpec.http(ProbeTarget.PROXY_HEALTHZ, PROXY_HEALTH_PORT, HEALTHZ, 8, 1, 1, 3);
			case AZURE -> local ? ProbeSpec.http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 0, HEALTHZ, 5, 5, 2, 2)
					: ProbeSpec.tcp(ProbeTarget.NODE_PORT, 0, 5, 5, 2, 2);
			case METALLB_L2, METALLB_BGP -> null;
		};
	}

	/**
	 * Where {@link #defaultProbe(LoadBalancerKind, boolean)} takes {@code kind}'s figures
	 * from under Local ({@code local}) or Cluster: the code its controller configures
	 * them in (for MetalLB, the code that decides who announces, since it probes
	 * nothing).
	 */
	public static Citation probeSource(LoadBalancerKind kind, boolean local) {
		return switch (kind) {
			case GENERIC -> Citation.github("kubernetes/cloud-provider-gcp", Citation.CLOUD_PROVIDER_GCP,
					"providers/gce/gce.go", "the legacy target pool's health-check constants");
			case AWS_NLB_INSTANCE, AWS_NLB_IP -> Citation.github("kubernetes-sigs/aws-load-balancer-controller",
					Citation.AWS_LBC, "pkg/service/model_builder.go", "the default health-check settings");
			case AWS_CLB -> Citation.github("kubernetes/cloud-provider-aws", Citation.CLOUD_PROVIDER_AWS,
					"pkg/providers/v1/aws_loadbalancer.go", "the Classic ELB's health-check defaults");
			case GKE_PASSTHROUGH -> Citation.github("kubernetes/ingress-gce", Citation.INGRESS_GCE,
					"pkg/l4/healthchecks/healthchecksl4.go", "the L4 health-check defaults");
			case AZURE -> local
					? Citation.github("kubernetes-sigs/cloud-provider-azure", Citation.CLOUD_PROVIDER_AZURE,
							"pkg/provider/azure_loadbalancer.go", "the probe for the healthCheckNodePort")
					: Citation.github("kubernetes-sigs/cloud-provider-azure", Citation.CLOUD_PROVIDER_AZURE,
							"pkg/provider/azure_loadbalancer_healthprobe.go", "buildHealthProbeRulesForPort");
			case METALLB_L2 ->
				Citation.github("metallb/metallb", Citation.METALLB, "speaker/layer2_controller.go", "ShouldAnnounce");
			case METALLB_BGP ->
				Citation.github("metallb/metallb", Citation.METALLB, "speaker/bgp_controller.go", "ShouldAnnounce");
		};
	}

	/** Where {@link #PROXY_HEALTH_PORT} comes from. */
	public static Citation proxyHealthPortSource() {
		return Citation.kubernetes("pkg/cluster/ports/ports.go", "ProxyHealthzPort");
	}

	/** {@link #defaultProbe(LoadBalancerKind, boolean)} with {@code service}'s ports. */
	private static ProbeSpec defaultProbe(LoadBalancerKind kind, Service service) {
		ProbeSpec probe = Objects.requireNonNull(defaultProbe(kind, service.needsHealthCheck()), kind.apiName());
		return switch (probe.target()) {
			case HEALTH_CHECK_NODE_PORT -> probe.atPort(service.healthCheckNodePort());
			case NODE_PORT -> probe.atPort(service.primaryPort().nodePort());
			case POD_PORT -> probe.atPort(podPort(service.primaryPort()));
			case PROXY_HEALTHZ -> probe;
		};
	}

	/**
	 * {@code aws-load-balancer-nlb-target-type} naming the other target type: the chosen
	 * id wins, with a warning.
	 */
	private static void warnAboutTargetType(ServiceAnnotations annotations, String chosen) {
		String declared = annotations.aws(ServiceAnnotations.NLB_TARGET_TYPE);
		if (declared != null && !declared.trim().equalsIgnoreCase(chosen)) {
			annotations.warn(ServiceAnnotations.NLB_TARGET_TYPE, declared,
					"names other targets than loadBalancer=aws-nlb-" + chosen + "; the analysis follows the parameter");
		}
	}

	/**
	 * Target-group attributes that matter only in time (the simulation): checked here so
	 * that a bad value is reported.
	 */
	private static void readSimulationAttributes(ServiceAnnotations annotations, Map<String, String> attributes) {
		String name = ServiceAnnotations.TARGET_GROUP_ATTRIBUTES;
		annotations.awsBooleanAttribute(name, attributes,
				"target_health_state.unhealthy.connection_termination.enabled", true);
		annotations.awsBooleanAttribute(name, attributes, "deregistration_delay.connection_termination.enabled", false);
		annotations.awsBooleanAttribute(name, attributes, "proxy_protocol_v2.enabled", false);
		String delay = attributes.get("deregistration_delay.timeout_seconds");
		annotations.integer(name + " deregistration_delay.timeout_seconds", delay, 0, 3600, 300);
	}

	/**
	 * Cross-zone for an NLB: the load-balancer attribute, overridden by the deprecated
	 * annotation on a tie (AWS LBC docs/guide/service/annotations.md); off by default.
	 */
	private static boolean nlbCrossZone(ServiceAnnotations annotations) {
		Map<String, String> attributes = annotations.awsAttributes(ServiceAnnotations.LOAD_BALANCER_ATTRIBUTES);
		boolean crossZone = annotations.awsBooleanAttribute(ServiceAnnotations.LOAD_BALANCER_ATTRIBUTES, attributes,
				"load_balancing.cross_zone.enabled", NLB_CROSS_ZONE_DEFAULT);
		Boolean deprecated = annotations.awsBoolean(ServiceAnnotations.CROSS_ZONE);
		return (deprecated != null) ? deprecated : crossZone;
	}

	/**
	 * {@code aws-load-balancer-healthcheck-*}, honoured by both AWS controllers
	 * ({@code buildTargetGroupHealthCheck*}; {@code getExpectedHealthCheck}).
	 */
	private static ProbeSpec awsHealthCheck(ServiceAnnotations annotations, ProbeSpec defaults, Service service) {
		String prefix = ServiceAnnotations.AWS_HEALTH_CHECK;
		ProbeSpec probe = defaults;
		String protocol = annotations.oneOf(prefix + "protocol", annotations.aws(prefix + "protocol"),
				List.of(ProbeProtocol.TCP.apiName(), ProbeProtocol.HTTP.apiName(), "HTTPS", "SSL"));
		if (protocol != null) {
			boolean http = protocol.startsWith(ProbeProtocol.HTTP.apiName());
			probe = probe.withProtocol(http ? ProbeProtocol.HTTP : ProbeProtocol.TCP,
					(probe.path() != null) ? probe.path() : "/");
		}
		String path = annotations.aws(prefix + "path");
		if (path != null && !path.isBlank()) {
			probe = probe.withPath(path.trim());
		}
		String port = annotations.aws(prefix + "port");
		if (port != null && !"traffic-port".equals(port.trim())) {
			int number = annotations.integer(prefix + "port", port, 1, 65535, probe.port());
			if (number != probe.port() && number != service.healthCheckNodePort()
					&& number != service.primaryPort().nodePort()) {
				annotations.warn(prefix + "port", port,
						"is neither the traffic port nor the healthCheckNodePort; the analysis probes " + probe.port());
			}
		}
		return probe.withTiming(
				annotations.integer(prefix + "interval", annotations.aws(prefix + "interval"), 5, 300,
						probe.intervalSeconds()),
				annotations.integer(prefix + "timeout", annotations.aws(prefix + "timeout"), 2, 120,
						probe.timeoutSeconds()),
				annotations.integer(prefix + "healthy-threshold", annotations.aws(prefix + "healthy-threshold"), 2, 10,
						probe.healthyThreshold()),
				annotations.integer(prefix + "unhealthy-threshold", annotations.aws(prefix + "unhealthy-threshold"), 2,
						10, probe.unhealthyThreshold()));
	}

	/**
	 * {@code networking.gke.io/weighted-load-balancing: pods-per-node}: WEIGHTED_MAGLEV
	 * under Local; under Cluster ingress-gce's own warning event.
	 */
	private static boolean gkeWeighted(ServiceAnnotations annotations, Service service, boolean local,
			List<String> warnings) {
		String value = annotations.exact(ServiceAnnotations.GKE_WEIGHTED);
		if (value == null) {
			return false;
		}
		if (!"pods-per-node".equals(value.trim())) {
			annotations.warn(ServiceAnnotations.GKE_WEIGHTED, value, "is not pods-per-node; it is ignored");
			return false;
		}
		if (!local) {
			warnings.add(service.ref() + ": Weighted load balancing by pods-per-node has no effect with External "
					+ "Traffic Policy: Cluster.");
		}
		return local;
	}

	/**
	 * cloud-provider-azure's Cluster probe: the per-port annotation, then the Service's,
	 * else TCP; HTTP path default {@code /}; interval and probe count within Azure's
	 * limits (≥ 5 s, ≥ 2, product < 120).
	 */
	private static ProbeSpec azureClusterProbe(ServiceAnnotations annotations, Service service) {
		ServicePort port = service.primaryPort();
		ProbeSpec defaults = defaultProbe(LoadBalancerKind.AZURE, service);
		String protocol = annotations.oneOf("health-probe_protocol", azure(annotations, port, "protocol"),
				List.of(ProbeProtocol.TCP.apiName(), ProbeProtocol.HTTP.apiName(), "HTTPS"));
		String path = azure(annotations, port, "request-path");
		int interval = annotations.integer("health-probe_interval", azure(annotations, port, "interval"), 5, 119,
				defaults.intervalSeconds());
		int probes = annotations.integer("health-probe_num-of-probe", azure(annotations, port, "num-of-probe"), 2, 23,
				defaults.unhealthyThreshold());
		if (interval * probes >= 120) {
			annotations.warn("health-probe interval × num-of-probe", interval + " × " + probes,
					"is not below 120; the defaults " + defaults.intervalSeconds() + " and "
							+ defaults.unhealthyThreshold() + " apply");
			interval = defaults.intervalSeconds();
			probes = defaults.unhealthyThreshold();
		}
		ProbeSpec probe = defaults.withTiming(interval, interval, probes, probes);
		if (protocol != null && protocol.startsWith(ProbeProtocol.HTTP.apiName())) {
			probe = probe.withProtocol(ProbeProtocol.HTTP, (path != null && !path.isBlank()) ? path.trim() : "/");
		}
		return probe;
	}

	/**
	 * {@code port_<port>_health-probe_<name>} first, then
	 * {@code azure-load-balancer-health-probe-<name>}.
	 */
	private static @Nullable String azure(ServiceAnnotations annotations, ServicePort port, String name) {
		String perPort = annotations
			.exact(ServiceAnnotations.AZURE_PREFIX + "port_" + port.port() + "_health-probe_" + name);
		return (perPort != null) ? perPort
				: annotations.exact(ServiceAnnotations.AZURE_PREFIX + ServiceAnnotations.AZURE_HEALTH_PROBE + name);
	}

	private static int podPort(ServicePort port) {
		try {
			return Integer.parseInt(port.targetPort());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
