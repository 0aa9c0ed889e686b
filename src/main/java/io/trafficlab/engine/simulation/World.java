package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.apiserver.LoadBalancerIngress;
import io.trafficlab.engine.cluster.ClusterAssembler;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredEndpointSlice;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.endpoint.ServiceEndpoints;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * The cluster as the API server holds it right now: nodes, pods, workloads and Services.
 * {@link #cluster()} is rebuilt lazily after every change by running
 * {@link #declaration()} through the same {@link ClusterAssembler} the manifest importer
 * uses, so the simulation's cluster is by construction what {@code /api/v1/analyze} would
 * see for the exported manifests.
 */
final class World {

	/** Every node ever, by id. */
	final List<SimNode> nodes = new ArrayList<>();

	/** Nodes in the cluster, by name, in cluster order. */
	final Map<String, SimNode> nodesByName = new LinkedHashMap<>();

	/** Every pod ever, by slot. */
	final List<SimPod> pods = new ArrayList<>();

	/** Pods not yet deleted, by {@code namespace/name}. */
	final Map<String, SimPod> podsByName = new LinkedHashMap<>();

	final List<SimWorkload> workloads = new ArrayList<>();

	/** The declared workloads, in declaration order, for export. */
	final List<DeclaredWorkload> declaredWorkloads = new ArrayList<>();

	/** Pods that had finished (Succeeded or Failed) at start: exported as declared. */
	final List<DeclaredPod> finishedPods = new ArrayList<>();

	/** Services as the API server stores them, in cluster order. */
	final List<Service> services = new ArrayList<>();

	/** Services kube-proxy ignores (ExternalName, headless): exported as declared. */
	final List<DeclaredService> ignoredServices = new ArrayList<>();

	/** EndpointSlices of other Services: exported as declared. */
	final List<DeclaredEndpointSlice> slices = new ArrayList<>();

	final ServiceRef followed;

	/**
	 * The DNS name the sandbox's AWS NLB publishes for the followed Service, while it is
	 * a LoadBalancer; {@code null} otherwise.
	 */
	@Nullable String loadBalancerHostname;

	private long version;

	private long builtVersion = -1;

	private @Nullable Cluster cluster;

	private @Nullable ServiceEndpoints endpoints;

	private final ClusterAssembler assembler = new ClusterAssembler();

	World(ServiceRef followed) {
		this.followed = followed;
	}

	/** Marks the cluster as changed. */
	void changed() {
		this.version++;
	}

	long version() {
		return this.version;
	}

	/** The cluster as the API server stores it. */
	Cluster cluster() {
		if (this.builtVersion != this.version || this.cluster == null) {
			Cluster built = this.assembler.assemble(declaration()).cluster();
			for (Node node : built.nodes()) {
				SimNode simNode = this.nodesByName.get(node.name());
				if (simNode != null) {
					simNode.model = node;
				}
			}
			this.cluster = built;
			this.endpoints = null;
			this.builtVersion = this.version;
		}
		return this.cluster;
	}

	/** The followed Service's endpoints, sorted for categorization (R2–R7). */
	ServiceEndpoints endpoints() {
		Cluster current = cluster();
		ServiceEndpoints result = this.endpoints;
		if (result == null) {
			result = ServiceEndpoints.of(service(), current.endpointsOf(this.followed));
			this.endpoints = result;
		}
		return result;
	}

	/** The followed Service. */
	Service service() {
		for (Service service : this.services) {
			if (service.ref().equals(this.followed)) {
				return service;
			}
		}
		throw new IllegalStateException("The followed Service " + this.followed + " is gone");
	}

	void replaceService(Service updated) {
		for (int i = 0; i < this.services.size(); i++) {
			if (this.services.get(i).ref().equals(updated.ref())) {
				this.services.set(i, updated);
			}
		}
	}

	/**
	 * Whether {@code kind}'s controller writes an IP into the Service's status (MetalLB,
	 * Azure, GKE), rather than a hostname (the AWS ones).
	 */
	static boolean publishesIp(LoadBalancerKind kind, Service service) {
		return LoadBalancerCatalog.of(kind, service, LoadBalancerModel.EVEN, new ArrayList<>()).publishesIp();
	}

	/**
	 * Whether the followed Service's status already holds what {@code kind} publishes
	 * (the import writes the default NLB's hostname).
	 */
	boolean publishes(LoadBalancerKind kind) {
		Service service = service();
		if (service.type() != ServiceType.LOAD_BALANCER) {
			return true;
		}
		return publishesIp(kind, service) ? this.loadBalancerHostname == null
				: AwsNames.hostname(kind, this.followed).equals(this.loadBalancerHostname);
	}

	/**
	 * Writes what the load balancer publishes into the followed LoadBalancer Service's
	 * status: MetalLB an IP ({@link L2Announcer#LB_IP}, which kube-proxy programs an
	 * LB-IP rule for), the AWS ones their hostnames.
	 */
	void publish(LoadBalancerKind kind) {
		Service service = service();
		if (service.type() != ServiceType.LOAD_BALANCER) {
			return;
		}
		boolean ip = publishesIp(kind, service);
		this.loadBalancerHostname = ip ? null : AwsNames.hostname(kind, this.followed);
		replaceService(service.withLoadBalancerIps(ip ? List.of(L2Announcer.LB_IP) : List.of()));
		changed();
	}

	/**
	 * {@code service} as a manifest declares it; the followed Service's status shows the
	 * NLB's hostname, as the AWS Load Balancer Controller writes it.
	 */
	DeclaredService declared(Service service) {
		DeclaredService declared = DeclaredService.from(service);
		String hostname = this.loadBalancerHostname;
		if (hostname != null && service.ref().equals(this.followed) && service.type() == ServiceType.LOAD_BALANCER) {
			return declared.toBuilder()
				.loadBalancerIngress(List.of(new LoadBalancerIngress(null, hostname, null)))
				.build();
		}
		return declared;
	}

	/** The current state as manifests. */
	ClusterDeclaration declaration() {
		return WorldExport.declaration(this);
	}

	@Nullable SimPod pod(String namespace, String name) {
		return this.podsByName.get(namespace + "/" + name);
	}

	void addPod(SimPod pod) {
		this.pods.add(pod);
		this.podsByName.put(pod.namespace + "/" + pod.name, pod);
	}

	void forgetPod(SimPod pod) {
		this.podsByName.remove(pod.namespace + "/" + pod.name);
	}

	/** Pods not yet deleted, in creation order. */
	List<SimPod> livePods() {
		return new ArrayList<>(this.podsByName.values());
	}

	int liveNodeCount() {
		return this.nodesByName.size();
	}

	/**
	 * The workload whose pods the followed Service selects (the first such), or
	 * {@code null}.
	 */
	@Nullable SimWorkload serviceWorkload() {
		Service service = service();
		for (SimWorkload workload : this.workloads) {
			if (workload.declared.namespace().equals(this.followed.namespace()) && !service.selector().isEmpty()
					&& Selectors.matches(service.selector(), workload.podLabels)) {
				return workload;
			}
		}
		return null;
	}

}
