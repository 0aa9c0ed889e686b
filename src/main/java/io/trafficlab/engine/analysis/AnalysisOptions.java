package io.trafficlab.engine.analysis;

import java.util.Set;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * What to analyze.
 *
 * @param loadBalancer how the {@code generic} LB spreads connections over passing nodes
 * (the other catalogue entries spread as their controllers do)
 * @param clientIp the external client's address
 * @param onlyNodes list only these nodes in {@link ServiceAnalysis#nodes()}, or
 * {@code null} for all
 * @param kind which load balancer of the catalogue is in front of LoadBalancer Services
 * @param dataplane what proxies Service traffic on the nodes
 * @param network the pod network, which decides the address kube-proxy's SNAT gives (R15)
 */
public record AnalysisOptions(LoadBalancerModel loadBalancer, String clientIp, @Nullable Set<String> onlyNodes,
		LoadBalancerKind kind, Dataplane dataplane, NetworkModel network) {

	/** The options on the default network ({@link NetworkModel#DEFAULT}). */
	public AnalysisOptions(LoadBalancerModel loadBalancer, String clientIp, @Nullable Set<String> onlyNodes,
			LoadBalancerKind kind, Dataplane dataplane) {
		this(loadBalancer, clientIp, onlyNodes, kind, dataplane, NetworkModel.DEFAULT);
	}

	public static final String DEFAULT_CLIENT_IP = "203.0.113.10";

	/** The {@code generic} LB and kube-proxy: the model before the catalogue. */
	public AnalysisOptions(LoadBalancerModel loadBalancer, String clientIp, @Nullable Set<String> onlyNodes) {
		this(loadBalancer, clientIp, onlyNodes, LoadBalancerKind.GENERIC, Dataplane.KUBE_PROXY);
	}

	public static AnalysisOptions defaults() {
		return new AnalysisOptions(LoadBalancerModel.EVEN, DEFAULT_CLIENT_IP, null);
	}

	/** The same options with another load balancer and dataplane. */
	public AnalysisOptions with(LoadBalancerKind newKind, Dataplane newDataplane) {
		return new AnalysisOptions(this.loadBalancer, this.clientIp, this.onlyNodes, newKind, newDataplane,
				this.network);
	}

	/** The same options on another pod network. */
	public AnalysisOptions withNetwork(NetworkModel newNetwork) {
		return new AnalysisOptions(this.loadBalancer, this.clientIp, this.onlyNodes, this.kind, this.dataplane,
				newNetwork);
	}

}
