package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.trafficlab.engine.balancer.Citation;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.ProbeSpec;

/**
 * Every timing and load-balancer figure the canvas and panels show, read from the
 * constants the engine runs with (so the list cannot drift from the numbers), each with
 * its upstream source: what the {@code /sources} page lists.
 */
public final class EngineFigures {

	private static final String KUBERNETES_DOCS = "Kubernetes v1.34 documentation";

	private static final String AWS_DOCS = "read 2026-08";

	private EngineFigures() {
	}

	/**
	 * The figures, load balancers first (in the catalogue's order), then the cluster's.
	 */
	public static List<CitedFigure> all() {
		List<CitedFigure> figures = new ArrayList<>();
		for (LoadBalancerKind kind : LoadBalancerKind.values()) {
			figures.add(probe(kind, true));
			figures.add(probe(kind, false));
		}
		SimulationSettings defaults = SimulationSettings.defaults();
		NlbAttributes nlb = defaults.nlb();
		String aws = LoadBalancerKind.AWS_NLB_INSTANCE.label();
		figures.add(new CitedFigure(aws, "Deregistration delay", seconds(nlb.deregistrationDelayMicros()), new Citation(
				"AWS Elastic Load Balancing, Edit target group attributes for your Network Load Balancer",
				"https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html",
				AWS_DOCS), "how long a deregistered target drains before it leaves the target group"));
		figures.add(new CitedFigure(aws, "Cross-zone load balancing",
				LoadBalancerCatalog.NLB_CROSS_ZONE_DEFAULT ? "on" : "off",
				new Citation("AWS Elastic Load Balancing, Cross-zone load balancing for target groups",
						"https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-cross-zone.html",
						AWS_DOCS),
				"off: a zone without a healthy target leaves DNS, and each zone spreads over its own targets"));
		figures
			.add(new CitedFigure(aws, "Unhealthy target connection termination", nlb.resetOnUnhealthy() ? "on" : "off",
					new Citation("AWS Elastic Load Balancing, Target group health for Network Load Balancers",
							"https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health.html",
							AWS_DOCS),
					"a target that turns unhealthy has its established connections reset"));
		String metallb = "MetalLB";
		figures.add(new CitedFigure(metallb, "BGP hold time (native mode)", seconds(BgpAdvertiser.HOLD_TIME_MICROS),
				Citation.github("metallb/metallb", Citation.METALLB, "internal/bgp/native/native.go", "NewSession"),
				"how long the router keeps the routes of a speaker that went silent"));
		figures.add(new CitedFigure(metallb, "Layer-2 failover detection",
				seconds(L2Announcer.MEMBERLIST_DETECTION_MICROS),
				Citation.github("hashicorp/memberlist", "f2362678b85df9e6e7b297e2f68a3ecf31cd4f17", "config.go",
						"DefaultLANConfig"),
				"memberlist's probe interval (1 s) plus its suspicion timeout (4 × 1 s for fewer than 10 members)"));
		String proxy = Dataplane.KUBE_PROXY.apiName();
		figures.add(new CitedFigure(proxy, "Health server port (/healthz, /livez)",
				Integer.toString(LoadBalancerCatalog.PROXY_HEALTH_PORT), LoadBalancerCatalog.proxyHealthPortSource(),
				"what a load balancer probes under Cluster when it checks kube-proxy itself"));
		figures.add(new CitedFigure(proxy, "Delay until an endpoint change is in the rules",
				seconds(defaults.proxySyncDelayMicros()),
				new Citation("kube-proxy command-line reference (--iptables-min-sync-period, default 1s)",
						"https://kubernetes.io/docs/reference/command-line-tools-reference/kube-proxy/",
						KUBERNETES_DOCS),
				"the sandbox applies each change after the minimum sync period"));
		String nodes = "Nodes and pods";
		figures.add(new CitedFigure(nodes, "--node-monitor-grace-period",
				seconds(NodeLifecycle.NODE_MONITOR_GRACE_MICROS),
				new Citation("kube-controller-manager command-line reference (--node-monitor-grace-period)",
						"https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/",
						KUBERNETES_DOCS),
				"50 s since Kubernetes 1.32, 40 s before; a killed node turns NotReady after it"));
		figures.add(new CitedFigure(nodes, "Toleration of the unreachable taint",
				seconds(NodeLifecycle.UNREACHABLE_TOLERATION_MICROS),
				new Citation("Kubernetes reference, Admission Controllers: DefaultTolerationSeconds",
						"https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#defaulttolerationseconds",
						KUBERNETES_DOCS),
				"pods of a NotReady node are evicted after it"));
		figures.add(new CitedFigure(nodes, "Termination grace period", seconds(defaults.terminationGraceMicros()),
				new Citation("Kubernetes documentation, Pod Lifecycle: termination of pods",
						"https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination",
						KUBERNETES_DOCS),
				"terminationGracePeriodSeconds' default"));
		figures.add(new CitedFigure(nodes, "Pod startup until Ready", seconds(defaults.podStartupMicros()), null,
				"the sandbox's own choice: how long a real pod takes depends on its image and its readiness probe"));
		return figures;
	}

	private static CitedFigure probe(LoadBalancerKind kind, boolean local) {
		ProbeSpec probe = LoadBalancerCatalog.defaultProbe(kind, local);
		String name = local ? "Health check under Local" : "Health check under Cluster";
		return new CitedFigure(kind.label(), name, (probe != null) ? describe(probe) : "none: it probes nothing",
				LoadBalancerCatalog.probeSource(kind, local), (kind == LoadBalancerKind.AZURE)
						? "Azure exposes no probe timeout: the sandbox uses the interval" : "");
	}

	/** {@code 300 s}, {@code 0.5 s}. */
	static String seconds(long micros) {
		return (micros % 1_000_000 == 0) ? (micros / 1_000_000) + " s"
				: String.format(Locale.ROOT, "%.1f s", micros / 1_000_000.0);
	}

	private static String describe(ProbeSpec probe) {
		String what = switch (probe.target()) {
			case HEALTH_CHECK_NODE_PORT ->
				probe.protocol().apiName() + " " + probe.path() + " on the healthCheckNodePort";
			case PROXY_HEALTHZ ->
				probe.protocol().apiName() + " " + probe.path() + " on kube-proxy's port " + probe.port();
			case NODE_PORT -> probe.protocol().apiName() + " to the NodePort";
			case POD_PORT -> probe.protocol().apiName() + " to the pod's port";
		};
		return what + ", every " + probe.intervalSeconds() + " s, timeout " + probe.timeoutSeconds()
				+ " s, healthy after " + probe.healthyThreshold() + ", unhealthy after " + probe.unhealthyThreshold()
				+ " in a row";
	}

}
