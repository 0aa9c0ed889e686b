package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.net.Ipv4;

/**
 * What kube-apiserver allocates for Services: ClusterIPs, node ports and health-check
 * node ports (R23), plus the sandbox's cloud, which gives LoadBalancer Services an
 * ingress IP. A request's changes are journalled between {@link #begin()} and
 * {@link #commit()}, so that {@link #rollback()} can undo them when the request fails.
 */
final class Allocators {

	private final ClusterIpAllocator clusterIps = new ClusterIpAllocator();

	private final NodePortAllocator nodePorts = new NodePortAllocator();

	private final LoadBalancerIpPool loadBalancerIps = new LoadBalancerIpPool();

	/** How to undo each change of the current request, in the order they were made. */
	private final List<Runnable> undo = new ArrayList<>();

	/** Starts journalling a request's changes. */
	void begin() {
		this.undo.clear();
	}

	/** Keeps the request's changes. */
	void commit() {
		this.undo.clear();
	}

	/** Undoes the request's changes, newest first. */
	void rollback() {
		for (int i = this.undo.size() - 1; i >= 0; i--) {
			this.undo.get(i).run();
		}
		this.undo.clear();
	}

	/**
	 * Keeps what a batch of Services asks for out of dynamic allocation, so that creation
	 * order does not matter.
	 */
	void avoid(DeclaredService requested) {
		if (requested.clusterIp() != null) {
			this.clusterIps.avoid(requested.clusterIp());
		}
		for (DeclaredServicePort port : requested.ports()) {
			if (port.nodePort() != null) {
				this.nodePorts.avoid(port.nodePort());
			}
		}
		if (requested.healthCheckNodePort() != null) {
			this.nodePorts.avoid(requested.healthCheckNodePort());
		}
		for (LoadBalancerIngress ingress : requested.loadBalancerIngress()) {
			if (ingress.ip() != null) {
				this.loadBalancerIps.reserve(ingress.ip());
			}
		}
	}

	/** Reserves everything a stored Service holds, without checks. */
	void restore(ServiceDraft service) {
		String clusterIp = service.clusterIp;
		if (clusterIp != null && Ipv4.isValid(clusterIp) && !this.clusterIps.isTaken(clusterIp)) {
			this.clusterIps.allocate(clusterIp);
		}
		for (int port : service.nodePorts()) {
			if (!this.nodePorts.isTaken(port)) {
				this.nodePorts.allocate(port);
			}
		}
		if (service.healthCheckNodePort != 0 && !this.nodePorts.isTaken(service.healthCheckNodePort)) {
			this.nodePorts.allocate(service.healthCheckNodePort);
		}
		for (LoadBalancerIngress ingress : service.ingress) {
			if (ingress.ip() != null) {
				this.loadBalancerIps.reserve(ingress.ip());
			}
		}
	}

	/** Frees everything a deleted Service held. */
	void release(ServiceDraft service) {
		if (service.clusterIp != null) {
			this.clusterIps.release(service.clusterIp);
		}
		service.nodePorts().forEach(this.nodePorts::release);
		if (service.healthCheckNodePort != 0) {
			this.nodePorts.release(service.healthCheckNodePort);
		}
		for (LoadBalancerIngress ingress : service.ingress) {
			if (ingress.ip() != null) {
				this.loadBalancerIps.release(ingress.ip());
			}
		}
	}

	/**
	 * Allocates or reserves the ClusterIP of a new Service (headless Services get none).
	 */
	void allocateClusterIp(ServiceDraft service) {
		if (service.headless() || service.isType(ServiceDraft.EXTERNAL_NAME)) {
			return;
		}
		String requested = service.clusterIp;
		if (requested == null) {
			service.clusterIp = allocateNextClusterIp(service);
			return;
		}
		try {
			this.clusterIps.allocate(requested);
			this.undo.add(() -> this.clusterIps.release(requested));
		}
		catch (AllocationException ex) {
			throw ApiServerErrors.invalid(service.name,
					List.of(FieldError.invalid("spec.clusterIPs", GoValue.stringSlice(List.of(requested)),
							"failed to allocate IP " + requested + ": " + ex.getMessage())));
		}
	}

	/** Gives an updated Service the ClusterIP it had, or one, when it had none. */
	void updateClusterIp(ServiceDraft service, ServiceDraft old) {
		if (service.clusterIp == null && !service.isType(ServiceDraft.EXTERNAL_NAME)) {
			service.clusterIp = (old.clusterIp != null) ? old.clusterIp : allocateNextClusterIp(service);
		}
	}

	/**
	 * Node ports of a new NodePort or LoadBalancer Service (kube-apiserver's
	 * {@code initNodePorts}).
	 */
	void allocateNodePorts(ServiceDraft service) {
		if (!service.needsNodePorts()) {
			return;
		}
		Map<Integer, Integer> nodePortByServicePort = new HashMap<>();
		for (int i = 0; i < service.ports.size(); i++) {
			ServiceDraft.PortDraft port = service.ports.get(i);
			if (port.nodePort == 0 && !service.shouldAllocateNodePorts()) {
				continue;
			}
			int shared = nodePortByServicePort.getOrDefault(port.port, 0);
			if (shared == 0) {
				int requested = requestedNodePort(port.port, service.ports);
				if (requested != 0) {
					reserveNodePort(service, i, requested);
					port.nodePort = requested;
				}
				else {
					port.nodePort = allocateNextNodePort(service, i);
				}
				nodePortByServicePort.put(port.port, port.nodePort);
			}
			else if (port.nodePort != shared) {
				if (port.nodePort == 0) {
					port.nodePort = shared;
				}
				else {
					reserveNodePort(service, i, port.nodePort);
				}
			}
		}
	}

	/** Node ports of an updated Service (kube-apiserver's {@code txnUpdateNodePorts}). */
	void updateNodePorts(ServiceDraft service, ServiceDraft old) {
		List<Integer> oldNodePorts = old.nodePorts();
		if (old.needsNodePorts() && !service.needsNodePorts()) {
			oldNodePorts.forEach(this::releaseNodePort);
			return;
		}
		if (!service.needsNodePorts()) {
			return;
		}
		Set<Integer> reservedNow = new HashSet<>();
		for (int i = 0; i < service.ports.size(); i++) {
			ServiceDraft.PortDraft port = service.ports.get(i);
			if (port.nodePort == 0 && !service.shouldAllocateNodePorts()) {
				continue;
			}
			if (port.nodePort != 0) {
				if (!oldNodePorts.contains(port.nodePort) && !reservedNow.contains(port.nodePort)) {
					reserveNodePort(service, i, port.nodePort);
					reservedNow.add(port.nodePort);
				}
			}
			else {
				port.nodePort = allocateNextNodePort(service, i);
			}
		}
		List<Integer> newNodePorts = service.nodePorts();
		for (int oldPort : oldNodePorts) {
			if (!newNodePorts.contains(oldPort)) {
				releaseNodePort(oldPort);
			}
		}
	}

	/**
	 * The health-check node port of a new Service that needs one (kube-apiserver's
	 * {@code allocHealthCheckNodePort}).
	 */
	void allocateHealthCheckNodePort(ServiceDraft service) {
		int requested = service.healthCheckNodePort;
		if (requested != 0) {
			try {
				this.nodePorts.allocate(requested);
				this.undo.add(() -> this.nodePorts.release(requested));
			}
			catch (AllocationException ex) {
				throw ApiServerErrors.internal(
						"failed to allocate requested HealthCheck NodePort " + requested + ": " + ex.getMessage());
			}
			return;
		}
		try {
			int allocated = this.nodePorts.allocateNext(key(service, "healthCheckNodePort"));
			this.undo.add(() -> this.nodePorts.release(allocated));
			service.healthCheckNodePort = allocated;
		}
		catch (AllocationException ex) {
			throw ApiServerErrors.internal("failed to allocate a HealthCheck NodePort 0: " + ex.getMessage());
		}
	}

	/**
	 * The health-check node port across an update: allocated when the Service starts
	 * needing one, released when it stops (kube-apiserver's
	 * {@code updateHealthCheckNodePort}).
	 */
	void updateHealthCheckNodePort(ServiceDraft service, ServiceDraft old) {
		boolean needed = old.needsHealthCheck();
		boolean needs = service.needsHealthCheck();
		if (!needed && needs) {
			allocateHealthCheckNodePort(service);
		}
		else if (needed && !needs) {
			releaseNodePort(old.healthCheckNodePort);
		}
	}

	/**
	 * The cloud's part: a LoadBalancer Service whose status shows no ingress gets the
	 * next free IP; a Service that is no longer a LoadBalancer loses its load balancer.
	 */
	void reconcileLoadBalancer(ServiceDraft service) {
		if (!service.isType(ServiceDraft.LOAD_BALANCER)) {
			for (LoadBalancerIngress ingress : service.ingress) {
				String ip = ingress.ip();
				if (ip != null && this.loadBalancerIps.isReserved(ip)) {
					this.loadBalancerIps.release(ip);
					this.undo.add(() -> this.loadBalancerIps.reserve(ip));
				}
			}
			service.ingress = List.of();
			return;
		}
		if (service.ingress.isEmpty()) {
			String ip = this.loadBalancerIps.next();
			this.undo.add(() -> this.loadBalancerIps.release(ip));
			service.ingress = List.of(LoadBalancerIngress.vip(ip));
			return;
		}
		for (LoadBalancerIngress ingress : service.ingress) {
			String ip = ingress.ip();
			if (ip != null && !this.loadBalancerIps.isReserved(ip)) {
				this.loadBalancerIps.reserve(ip);
				this.undo.add(() -> this.loadBalancerIps.release(ip));
			}
		}
	}

	private String allocateNextClusterIp(ServiceDraft service) {
		try {
			String ip = this.clusterIps.allocateNext(key(service, "clusterIP"));
			this.undo.add(() -> this.clusterIps.release(ip));
			return ip;
		}
		catch (AllocationException ex) {
			throw ApiServerErrors.internal("failed to allocate a serviceIP: " + ex.getMessage());
		}
	}

	private void reserveNodePort(ServiceDraft service, int index, int port) {
		try {
			this.nodePorts.allocate(port);
			this.undo.add(() -> this.nodePorts.release(port));
		}
		catch (AllocationException ex) {
			throw ApiServerErrors.invalid(service.name, List
				.of(FieldError.invalid("spec.ports[" + index + "].nodePort", String.valueOf(port), ex.getMessage())));
		}
	}

	private void releaseNodePort(int port) {
		if (this.nodePorts.isTaken(port)) {
			this.nodePorts.release(port);
			this.undo.add(() -> this.nodePorts.allocate(port));
		}
	}

	private int allocateNextNodePort(ServiceDraft service, int index) {
		try {
			int port = this.nodePorts.allocateNext(key(service, "ports[" + index + "]"));
			this.undo.add(() -> this.nodePorts.release(port));
			return port;
		}
		catch (AllocationException ex) {
			throw ApiServerErrors.internal("failed to allocate a nodePort: " + ex.getMessage());
		}
	}

	private static int requestedNodePort(int servicePort, List<ServiceDraft.PortDraft> ports) {
		for (ServiceDraft.PortDraft port : ports) {
			if (port.port == servicePort && port.nodePort != 0) {
				return port.nodePort;
			}
		}
		return 0;
	}

	private static String key(ServiceDraft service, String what) {
		return service.namespace + "/" + service.name + "/" + what;
	}

}
