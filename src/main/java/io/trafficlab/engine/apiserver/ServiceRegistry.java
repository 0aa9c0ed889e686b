package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;

/**
 * The sandbox's kube-apiserver for Services: creating a Service defaults it (R21),
 * allocates its ClusterIP, node ports and health-check node port (R23), validates it
 * (R22) and stores it; updating one applies the API server's update rules (R23). Every
 * request is all-or-nothing: a rejected request changes nothing. Not thread-safe.
 *
 * <p>
 * Rejections are {@link InvalidObjectException}s worded as kube-apiserver words them, for
 * example
 * {@code Service "web" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for
 * externally-accessible services} or
 * {@code Internal error occurred: failed to allocate requested HealthCheck NodePort
 * 32000: provided port is already allocated}.
 */
public final class ServiceRegistry {

	private static final int MAX_REJECTIONS_LISTED = 20;

	private final Map<ServiceRef, DeclaredService> stored = new LinkedHashMap<>();

	private final Allocators allocators = new Allocators();

	/**
	 * A registry holding already stored Services (a cluster's), with their addresses and
	 * ports reserved.
	 */
	public static ServiceRegistry of(Collection<Service> services) {
		ServiceRegistry registry = new ServiceRegistry();
		for (Service service : services) {
			DeclaredService declared = DeclaredService.from(service);
			registry.stored.put(declared.ref(), declared);
			registry.allocators.restore(ServiceDraft.of(declared));
		}
		return registry;
	}

	/**
	 * Creates one Service.
	 * @throws InvalidObjectException when the API server would reject it
	 * @throws IllegalArgumentException for an ExternalName Service, which the sandbox
	 * does not model
	 */
	public Service create(DeclaredService request) {
		rejectExternalName(request);
		if (this.stored.containsKey(request.ref())) {
			throw ApiServerErrors.alreadyExists(request.name());
		}
		ServiceDraft service = ServiceDraft.of(request);
		ServiceDefaults.apply(service);
		rejectIfAny(service, ServiceValidation.validateClusterIp(service));
		this.allocators.begin();
		try {
			this.allocators.allocateClusterIp(service);
			this.allocators.allocateNodePorts(service);
			if (service.needsHealthCheck()) {
				this.allocators.allocateHealthCheckNodePort(service);
			}
			rejectIfAny(service, ServiceValidation.validate(service));
			this.allocators.reconcileLoadBalancer(service);
		}
		catch (RuntimeException ex) {
			this.allocators.rollback();
			throw ex;
		}
		return store(service);
	}

	/**
	 * Creates Services in order, as {@code kubectl create -f} would, except that
	 * addresses and ports any of them asks for are kept out of dynamic allocation for the
	 * others, so that the order does not matter. All valid Services are stored even when
	 * others are rejected.
	 * @throws InvalidObjectException naming the rejected Services, one message each
	 * (identical messages once, at most 20, then how many more)
	 */
	public List<Service> createAll(List<DeclaredService> requests) {
		requests.forEach(this.allocators::avoid);
		List<Service> created = new ArrayList<>();
		List<String> rejections = new ArrayList<>();
		for (DeclaredService request : requests) {
			try {
				created.add(create(request));
			}
			catch (InvalidObjectException ex) {
				rejections.addAll(ex.messages());
			}
		}
		if (!rejections.isEmpty()) {
			throw new InvalidObjectException(shortened(rejections));
		}
		return created;
	}

	/**
	 * Replaces a stored Service's spec with the request (a full update, like
	 * {@code kubectl replace}); values the request leaves out that the API server
	 * allocated are kept. Start from {@link #get(ServiceRef)} to change one field.
	 * @throws InvalidObjectException when the API server would reject the update, or the
	 * Service does not exist
	 */
	public Service update(DeclaredService request) {
		rejectExternalName(request);
		DeclaredService current = this.stored.get(request.ref());
		if (current == null) {
			throw ApiServerErrors.notFound(request.name());
		}
		ServiceDraft old = ServiceDraft.of(current);
		ServiceDraft service = ServiceDraft.of(request);
		ServiceDefaults.apply(service);
		UpdateRules.patchAllocatedValues(service, old);
		UpdateRules.dropTypeDependentFields(service, old);
		UpdateRules.keepStatus(service, old);
		rejectIfAny(service, ServiceValidation.validateClusterIp(service));
		this.allocators.begin();
		try {
			this.allocators.updateClusterIp(service, old);
			this.allocators.updateNodePorts(service, old);
			this.allocators.updateHealthCheckNodePort(service, old);
			rejectIfAny(service, ServiceValidation.validateUpdate(service, old));
			this.allocators.reconcileLoadBalancer(service);
		}
		catch (RuntimeException ex) {
			this.allocators.rollback();
			throw ex;
		}
		return store(service);
	}

	/** Deletes a Service and frees what it held; unknown Services are ignored. */
	public void delete(ServiceRef ref) {
		DeclaredService removed = this.stored.remove(ref);
		if (removed != null) {
			this.allocators.release(ServiceDraft.of(removed));
		}
	}

	/** The stored form of a Service, as {@code kubectl get -o yaml} would show it. */
	public Optional<DeclaredService> get(ServiceRef ref) {
		return Optional.ofNullable(this.stored.get(ref));
	}

	/** Every stored Service, in creation order. */
	public List<Service> services() {
		return this.stored.values()
			.stream()
			.map((declared) -> ServiceConversion.toService(ServiceDraft.of(declared)))
			.toList();
	}

	/** The first rejections, each worded once, and how many more there are. */
	private static List<String> shortened(List<String> rejections) {
		List<String> distinct = new ArrayList<>(new LinkedHashSet<>(rejections));
		if (distinct.size() <= MAX_REJECTIONS_LISTED) {
			return distinct;
		}
		List<String> shown = new ArrayList<>(distinct.subList(0, MAX_REJECTIONS_LISTED));
		shown.add("... and " + (distinct.size() - MAX_REJECTIONS_LISTED) + " more rejected Service(s)");
		return shown;
	}

	private Service store(ServiceDraft service) {
		this.allocators.commit();
		DeclaredService declared = service.toDeclared();
		this.stored.put(declared.ref(), declared);
		return ServiceConversion.toService(service);
	}

	private static void rejectIfAny(ServiceDraft service, List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw ApiServerErrors.invalid(service.name, errors);
		}
	}

	private static void rejectExternalName(DeclaredService request) {
		if (ServiceDraft.EXTERNAL_NAME.equals(request.type())) {
			throw new IllegalArgumentException(
					"Service " + request.ref() + " is an ExternalName Service, which kube-proxy ignores");
		}
	}

}
