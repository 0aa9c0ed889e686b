package io.trafficlab.manifest;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.balancer.ClusterSetup;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.ServiceType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The load balancer and dataplane the manifests name ({@link ClusterSetup}): a
 * LoadBalancer Service's controller annotations, MetalLB's advertisements, Cilium's
 * {@code cilium-config}. Each is {@code null} where the manifests name none, as for a
 * cloud provider's own LB.
 *
 * @param loadBalancer what the first LoadBalancer Service's annotations or MetalLB's
 * advertisements ask for
 * @param dataplane what {@code cilium-config} describes
 */
public record DeclaredSetup(@Nullable LoadBalancerKind loadBalancer, @Nullable Dataplane dataplane) {

	private static final String FOLLOWED = "a sandbox started from these manifests uses it; /api/v1/analyze uses its ";

	/** Collects the setup objects while the manifests are read. */
	static final class Collector {

		private final Set<String> advertisements = new LinkedHashSet<>();

		private @Nullable Dataplane dataplane;

		/**
		 * Takes an object of a kind the importer does not otherwise read.
		 * @return what it told, for the warnings; {@code null} when it is not a setup
		 * object
		 */
		@Nullable String take(String kind, String apiVersion, JsonNode node) {
			JsonNode metadata = node.path("metadata");
			String name = metadata.path("name").asString("");
			if (ClusterSetup.METALLB_API_VERSION.equals(apiVersion)) {
				if (kind.equals(ClusterSetup.L2_ADVERTISEMENT) || kind.equals(ClusterSetup.BGP_ADVERTISEMENT)) {
					this.advertisements.add(kind);
					LoadBalancerKind mode = ClusterSetup.metallb(Set.of(kind));
					return kind + " " + name + " names " + mode.label() + " (" + mode.apiName() + "): " + FOLLOWED
							+ "loadBalancer parameter.";
				}
				return kind.equals(ClusterSetup.IP_ADDRESS_POOL)
						? kind + " " + name
								+ " is MetalLB's address pool: the sandbox gives addresses from 198.51.100.10 upward."
						: null;
			}
			if ("ConfigMap".equals(kind) && ClusterSetup.CILIUM_CONFIG.equals(name)
					&& ClusterSetup.KUBE_SYSTEM.equals(metadata.path("namespace").asString(""))) {
				this.dataplane = ClusterSetup.dataplane(options(node.path("data")));
				return "ConfigMap kube-system/cilium-config names the dataplane " + this.dataplane.apiName() + ": "
						+ FOLLOWED + "dataplane parameter.";
			}
			return null;
		}

		DeclaredSetup setup(List<DeclaredService> services) {
			LoadBalancerKind requested = null;
			for (DeclaredService service : services) {
				if (ServiceType.LOAD_BALANCER.apiName().equals(service.type())) {
					requested = ClusterSetup.requestedBy(service.annotations());
					break;
				}
			}
			LoadBalancerKind kind = (requested != null) ? requested : ClusterSetup.metallb(this.advertisements);
			return new DeclaredSetup(kind, this.dataplane);
		}

		private static Map<String, String> options(JsonNode data) {
			Map<String, String> options = new HashMap<>();
			for (Map.Entry<String, JsonNode> entry : data.properties()) {
				options.put(entry.getKey(), entry.getValue().asString(""));
			}
			return options;
		}

	}

}
