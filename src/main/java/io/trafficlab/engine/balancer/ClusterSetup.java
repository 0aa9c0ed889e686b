package io.trafficlab.engine.balancer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a real cluster's manifests say which load balancer fronts a LoadBalancer Service
 * and which dataplane serves it: the Service annotations a controller reads, MetalLB's
 * custom resources, and Cilium's agent configuration. The YAML export writes them and the
 * import reads them back, both from here. The LBs a cloud provider chooses for every
 * Service ({@code aws-clb}, {@code azure}) leave no trace in the manifests: they belong
 * to the cluster.
 */
public final class ClusterSetup {

	/**
	 * The AWS Load Balancer Controller reconciles a Service with this annotation set to
	 * {@code external} ({@code docs/guide/service/annotations.md}, lb-type).
	 */
	public static final String AWS_LOAD_BALANCER_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";

	/** {@code instance} (the controller's default) or {@code ip}. */
	public static final String AWS_TARGET_TYPE = "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type";

	/**
	 * The controller's default scheme is {@code internal}
	 * ({@code pkg/config/controller_config.go}); clients outside the VPC need
	 * {@code internet-facing}.
	 */
	public static final String AWS_SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";

	/**
	 * GKE builds a backend-service-based passthrough NLB for a Service with this
	 * annotation set to {@code enabled} (GKE docs, "Create a backend service-based
	 * external load balancer").
	 */
	public static final String GKE_BACKEND_SERVICE = "cloud.google.com/l4-rbs";

	public static final String METALLB_API_VERSION = "metallb.io/v1beta1";

	public static final String METALLB_NAMESPACE = "metallb-system";

	public static final String IP_ADDRESS_POOL = "IPAddressPool";

	public static final String L2_ADVERTISEMENT = "L2Advertisement";

	public static final String BGP_ADVERTISEMENT = "BGPAdvertisement";

	/** The ConfigMap the Cilium agent reads its options from. */
	public static final String CILIUM_CONFIG = "cilium-config";

	public static final String KUBE_SYSTEM = "kube-system";

	/** Cilium replaces kube-proxy when this option is {@code true}. */
	public static final String KUBE_PROXY_REPLACEMENT = "kube-proxy-replacement";

	/**
	 * {@code snat} (Cilium's default), {@code dsr}, or {@code hybrid}: DSR for TCP, SNAT
	 * for UDP (Cilium docs, kube-proxy replacement, "Hybrid DSR and SNAT Mode").
	 */
	public static final String BPF_LB_MODE = "bpf-lb-mode";

	/**
	 * Every annotation {@link #serviceAnnotations} writes: an export replaces them with
	 * the sandbox's choice.
	 */
	public static final Set<String> CHOICE_ANNOTATIONS = Set.of(AWS_LOAD_BALANCER_TYPE, AWS_TARGET_TYPE, AWS_SCHEME,
			GKE_BACKEND_SERVICE);

	private static final String EXTERNAL = "external";

	private static final String LEGACY_NLB_IP = "nlb-ip";

	private static final String IP = "ip";

	private ClusterSetup() {
	}

	/**
	 * The annotations a LoadBalancer Service carries to get {@code kind}, none when the
	 * cluster decides.
	 */
	public static Map<String, String> serviceAnnotations(LoadBalancerKind kind) {
		Map<String, String> annotations = new LinkedHashMap<>();
		switch (kind) {
			case AWS_NLB_INSTANCE, AWS_NLB_IP -> {
				annotations.put(AWS_LOAD_BALANCER_TYPE, EXTERNAL);
				annotations.put(AWS_TARGET_TYPE, (kind == LoadBalancerKind.AWS_NLB_IP) ? IP : "instance");
				annotations.put(AWS_SCHEME, "internet-facing");
			}
			case GKE_PASSTHROUGH -> annotations.put(GKE_BACKEND_SERVICE, "enabled");
			default -> {
			}
		}
		return annotations;
	}

	/**
	 * The load balancer a Service's annotations ask for, {@code null} when they name
	 * none.
	 */
	public static @Nullable LoadBalancerKind requestedBy(Map<String, String> annotations) {
		String type = annotations.get(AWS_LOAD_BALANCER_TYPE);
		if (EXTERNAL.equals(type) || LEGACY_NLB_IP.equals(type)) {
			String target = annotations.get(AWS_TARGET_TYPE);
			return (LEGACY_NLB_IP.equals(type) || IP.equals(target)) ? LoadBalancerKind.AWS_NLB_IP
					: LoadBalancerKind.AWS_NLB_INSTANCE;
		}
		if ("enabled".equals(annotations.get(GKE_BACKEND_SERVICE))) {
			return LoadBalancerKind.GKE_PASSTHROUGH;
		}
		return null;
	}

	/**
	 * The MetalLB mode the advertisements in the manifests ask for, {@code null} for
	 * none.
	 */
	public static @Nullable LoadBalancerKind metallb(Set<String> advertisementKinds) {
		if (advertisementKinds.contains(BGP_ADVERTISEMENT)) {
			return LoadBalancerKind.METALLB_BGP;
		}
		return advertisementKinds.contains(L2_ADVERTISEMENT) ? LoadBalancerKind.METALLB_L2 : null;
	}

	/** The {@code cilium-config} options for {@code dataplane}, none for kube-proxy. */
	public static Map<String, String> ciliumConfig(Dataplane dataplane) {
		return switch (dataplane) {
			case KUBE_PROXY -> Map.of();
			case CILIUM_SNAT -> ciliumOptions("snat");
			case CILIUM_DSR -> ciliumOptions("dsr");
		};
	}

	/**
	 * The dataplane a {@code cilium-config} describes: kube-proxy when Cilium does not
	 * replace it.
	 */
	public static Dataplane dataplane(Map<String, String> ciliumConfig) {
		if (!"true".equals(ciliumConfig.getOrDefault(KUBE_PROXY_REPLACEMENT, "").toLowerCase(Locale.ROOT))) {
			return Dataplane.KUBE_PROXY;
		}
		// the sandbox's traffic is TCP, which hybrid mode sends with DSR
		String mode = ciliumConfig.getOrDefault(BPF_LB_MODE, "snat");
		return ("dsr".equals(mode) || "hybrid".equals(mode)) ? Dataplane.CILIUM_DSR : Dataplane.CILIUM_SNAT;
	}

	private static Map<String, String> ciliumOptions(String mode) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put(KUBE_PROXY_REPLACEMENT, "true");
		options.put(BPF_LB_MODE, mode);
		return options;
	}

}
