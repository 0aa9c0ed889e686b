package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import org.jspecify.annotations.Nullable;

/**
 * What an accepted update changed in the followed Service, field by field, compared on
 * the API server's stored forms: the changes the simulation follows (the policies,
 * session affinity, node ports, the health-check node port) and the fields it cannot take
 * while it runs (the type, selector, ports, addresses, annotations …).
 *
 * @param followed the changes the simulation takes, in the order of the spec
 * @param refused the fields the simulation cannot take, by their paths
 */
record ServiceEdit(List<Change> followed, List<String> refused) {

	ServiceEdit {
		followed = List.copyOf(followed);
		refused = List.copyOf(refused);
	}

	static ServiceEdit between(DeclaredService before, DeclaredService after) {
		List<Change> followed = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		refuseIfChanged(refused, "metadata.annotations", before.annotations(), after.annotations());
		refuseIfChanged(refused, "spec.type", before.type(), after.type());
		refuseIfChanged(refused, "spec.selector", before.selector(), after.selector());
		comparePorts(before.ports(), after.ports(), followed, refused);
		refuseIfChanged(refused, "spec.clusterIP", before.clusterIp(), after.clusterIp());
		refuseIfChanged(refused, "spec.externalIPs", before.externalIps(), after.externalIps());
		follow(followed, "spec.externalTrafficPolicy", before.externalTrafficPolicy(), after.externalTrafficPolicy());
		follow(followed, "spec.internalTrafficPolicy", before.internalTrafficPolicy(), after.internalTrafficPolicy());
		follow(followed, "spec.healthCheckNodePort", before.healthCheckNodePort(), after.healthCheckNodePort());
		follow(followed, "spec.sessionAffinity", before.sessionAffinity(), after.sessionAffinity());
		follow(followed, "spec.sessionAffinityConfig.clientIP.timeoutSeconds", before.sessionAffinityTimeoutSeconds(),
				after.sessionAffinityTimeoutSeconds());
		refuseIfChanged(refused, "spec.trafficDistribution", before.trafficDistribution(), after.trafficDistribution());
		refuseIfChanged(refused, "spec.loadBalancerSourceRanges", before.loadBalancerSourceRanges(),
				after.loadBalancerSourceRanges());
		return new ServiceEdit(followed, refused);
	}

	/**
	 * The same ports (name, protocol, port, targetPort, in order) may change their node
	 * ports; any other change to the ports is refused as a whole.
	 */
	private static void comparePorts(List<DeclaredServicePort> before, List<DeclaredServicePort> after,
			List<Change> followed, List<String> refused) {
		boolean samePorts = before.size() == after.size();
		for (int i = 0; samePorts && i < before.size(); i++) {
			samePorts = before.get(i).withNodePort(null).equals(after.get(i).withNodePort(null));
		}
		if (!samePorts) {
			refused.add("spec.ports");
			return;
		}
		for (int i = 0; i < before.size(); i++) {
			follow(followed, "spec.ports[" + i + "].nodePort", before.get(i).nodePort(), after.get(i).nodePort());
		}
	}

	private static void follow(List<Change> changes, String field, @Nullable Object before, @Nullable Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(new Change(field, spelled(before), spelled(after)));
		}
	}

	private static void refuseIfChanged(List<String> refused, String field, @Nullable Object before,
			@Nullable Object after) {
		if (!Objects.equals(before, after)) {
			refused.add(field);
		}
	}

	/** A value as the event spells it: {@code ""} when the field is unset. */
	private static String spelled(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * One field the update changed.
	 *
	 * @param field its path ({@code spec.externalTrafficPolicy})
	 * @param from the value before, {@code ""} when unset
	 * @param to the value after, {@code ""} when unset
	 */
	record Change(String field, String from, String to) {
	}

}
