package io.trafficlab.analyzer;

import java.util.List;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.net.NetworkModel;

/**
 * The analyzer's two catalogue questions, "Which load balancer is in front of your
 * cluster?" and "Dataplane": each option in plain words, with the upstream code that
 * {@code LoadBalancerCatalog} (or {@code Dataplane}) follows, at the commits read for it
 * ({@code docs/research/load-balancers-verified.md} §0).
 */
final class CatalogueChoices {

	private static final String AWS_LBC = "https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/225f44568848eb25f13e304a5f1cc68c0cd9415d/";

	private static final String METALLB = "https://github.com/metallb/metallb/blob/7938d3f89b8bd808dae2e42d97d6ae7e18e9ed54/";

	static final List<Option<LoadBalancerKind>> LOAD_BALANCERS = List.of(Option.of(LoadBalancerKind.GENERIC,
			"Generic (even or weighted)",
			"A plain load balancer that probes every node and spreads new connections evenly, or by the "
					+ "weight header, over the nodes that pass; it fails open.",
			"cloud-provider-gcp gce_healthchecks.go (probe figures)",
			"https://github.com/kubernetes/cloud-provider-gcp/blob/4e24531247d7f37b936881c0a5c186ffc8cd72d1/providers/gce/gce_healthchecks.go"),
			Option.of(LoadBalancerKind.AWS_NLB_INSTANCE, "AWS NLB, instance targets",
					"Sends to every Ready node's NodePort, spread per zone (cross-zone is off by default). "
							+ "Publishes a hostname, not an IP.",
					"aws-load-balancer-controller pkg/service/model_builder.go",
					AWS_LBC + "pkg/service/model_builder.go"),
			Option.of(LoadBalancerKind.AWS_NLB_IP, "AWS NLB, ip targets",
					"Sends straight to the pods' IPs, so externalTrafficPolicy changes nothing; pods see the NLB's "
							+ "address unless client-IP preservation is on.",
					"aws-load-balancer-controller pkg/backend/endpoint_resolver.go",
					AWS_LBC + "pkg/backend/endpoint_resolver.go"),
			Option.of(LoadBalancerKind.AWS_CLB, "AWS Classic ELB",
					"A proxy: it opens its own connection to the NodePort, so no pod ever sees the client's address.",
					"cloud-provider-aws pkg/providers/v1/aws.go",
					"https://github.com/kubernetes/cloud-provider-aws/blob/63ec440c3275321b55afa45480e2fdfd2b0e93c4/pkg/providers/v1/aws.go"),
			Option.of(LoadBalancerKind.GKE_PASSTHROUGH, "GKE external passthrough NLB",
					"Packets keep the LB IP and kube-proxy takes them; it probes the healthCheckNodePort under "
							+ "Local and kube-proxy's :10256/healthz under Cluster.",
					"ingress-gce pkg/l4/healthchecks/healthchecksl4.go",
					"https://github.com/kubernetes/ingress-gce/blob/acbcf5d66dd9d31297a2a52a2d7d83d4c1a94539/pkg/l4/healthchecks/healthchecksl4.go"),
			Option.of(LoadBalancerKind.AZURE, "Azure Standard load balancer",
					"Floating IP: packets reach the node still addressed to the LB IP. When every probe fails it "
							+ "sends nothing.",
					"cloud-provider-azure pkg/provider/azure_loadbalancer.go",
					"https://github.com/kubernetes-sigs/cloud-provider-azure/blob/7b31c76ce2ff602cc2dfec988744d8d0534b448c/pkg/provider/azure_loadbalancer.go"),
			Option.of(LoadBalancerKind.METALLB_L2, "MetalLB, layer 2",
					"One node answers ARP for the IP and gets all the traffic; under Local only nodes with a pod "
							+ "can be that node. No health check.",
					"metallb speaker/layer2_controller.go", METALLB + "speaker/layer2_controller.go"),
			Option.of(LoadBalancerKind.METALLB_BGP, "MetalLB, BGP",
					"Every advertising node gets an equal ECMP share from the router, whatever its pod count. "
							+ "No health check.",
					"metallb speaker/bgp_controller.go", METALLB + "speaker/bgp_controller.go"));

	static final List<Option<Dataplane>> DATAPLANES = List.of(
			Option.of(Dataplane.KUBE_PROXY, Dataplane.KUBE_PROXY.apiName(),
					"kube-proxy answers the healthCheckNodePort and :10256/healthz, and SNATs under Cluster.",
					"kubernetes pkg/proxy/healthcheck",
					"https://github.com/kubernetes/kubernetes/tree/master/pkg/proxy/healthcheck"),
			Option.of(Dataplane.CILIUM_SNAT, "Cilium, SNAT mode",
					"Cilium answers the healthCheckNodePort itself and nothing listens on :10256; a pod on the "
							+ "entry node keeps the client's address, a remote one sees the entry node's.",
					"cilium pkg/loadbalancer/healthserver/healthserver.go",
					"https://github.com/cilium/cilium/blob/062e4cdb55da237faee82e124f6daddfea0662c5/pkg/loadbalancer/healthserver/healthserver.go"),
			Option.of(Dataplane.CILIUM_DSR, "Cilium, DSR mode",
					"Direct server return: the pod replies straight to the client, so every pod keeps the client's "
							+ "address, even under Cluster.",
					"cilium Documentation/network/kubernetes/kubeproxy-free.rst",
					"https://github.com/cilium/cilium/blob/011b49409877295e4f48ed9438a6a4a6e769d2f3/Documentation/network/kubernetes/kubeproxy-free.rst"));

	static final List<Option<NetworkModel>> NETWORKS = List.of(
			Option.of(NetworkModel.BRIDGE, "Bridge with host routes (kubenet, flannel host-gw)",
					"After SNAT a pod on the entry node sees the bridge gateway (.1 of the pod CIDR); a pod on "
							+ "another node sees the entry node's InternalIP.",
					"flannel Documentation/backends.md (host-gw)",
					"https://github.com/flannel-io/flannel/blob/v0.28.9/Documentation/backends.md"),
			Option.of(NetworkModel.OVERLAY, "Overlay (flannel VXLAN)",
					"A pod on another node sees the entry node's flannel.1 address, the first of its pod CIDR; a "
							+ "pod on the entry node still sees the bridge gateway.",
					"flannel pkg/backend/vxlan/vxlan.go",
					"https://github.com/flannel-io/flannel/blob/v0.28.9/pkg/backend/vxlan/vxlan.go"),
			Option.of(NetworkModel.VPC, "VPC-routed (AWS VPC CNI, Calico without encapsulation)",
					"The host-side veths carry no address, so after SNAT every pod sees the entry node's "
							+ "InternalIP, on that node too.",
					"amazon-vpc-cni-k8s docs/cni-proposal.md",
					"https://github.com/aws/amazon-vpc-cni-k8s/blob/0233d32a1843a3a23fd81e0b25b78f101a9c443d/docs/cni-proposal.md"));

	private CatalogueChoices() {
	}

	static Option<NetworkModel> network(NetworkModel network) {
		return find(NETWORKS, network);
	}

	static Option<LoadBalancerKind> loadBalancer(LoadBalancerKind kind) {
		return find(LOAD_BALANCERS, kind);
	}

	static Option<Dataplane> dataplane(Dataplane dataplane) {
		return find(DATAPLANES, dataplane);
	}

	private static <T extends Spelled> Option<T> find(List<Option<T>> options, T kind) {
		return options.stream().filter((option) -> option.kind() == kind).findFirst().orElseThrow();
	}

	/**
	 * One option of a catalogue question.
	 *
	 * @param value the API id
	 * @param label the name shown
	 * @param description what it does, in a sentence or two
	 * @param sourceTitle the upstream file it follows
	 * @param sourceUrl where that file is
	 * @param kind the engine's value
	 */
	record Option<T extends Spelled>(String value, String label, String description, String sourceTitle,
			String sourceUrl, T kind) {

		static <T extends Spelled> Option<T> of(T kind, String label, String description, String sourceTitle,
				String sourceUrl) {
			return new Option<>(kind.apiName(), label, description, sourceTitle, sourceUrl, kind);
		}

	}

}
