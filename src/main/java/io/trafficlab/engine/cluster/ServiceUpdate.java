package io.trafficlab.engine.cluster;

import java.util.List;
import java.util.TreeSet;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;

/**
 * One Service's update as the API server stored it, and the cluster after it.
 *
 * @param cluster the cluster with the updated Service
 * @param before the Service as it was stored
 * @param after the Service as the update stored it
 */
public record ServiceUpdate(Cluster cluster, Service before, Service after) {

	/**
	 * Node ports and the health-check node port the update freed for other Services, in
	 * ascending order.
	 */
	public List<Integer> released() {
		TreeSet<Integer> released = held(this.before);
		released.removeAll(held(this.after));
		return List.copyOf(released);
	}

	/** Node ports and the health-check node port the update took, in ascending order. */
	public List<Integer> allocated() {
		TreeSet<Integer> allocated = held(this.after);
		allocated.removeAll(held(this.before));
		return List.copyOf(allocated);
	}

	private static TreeSet<Integer> held(Service service) {
		TreeSet<Integer> ports = new TreeSet<>();
		for (ServicePort port : service.ports()) {
			if (port.nodePort() != 0) {
				ports.add(port.nodePort());
			}
		}
		if (service.healthCheckNodePort() != 0) {
			ports.add(service.healthCheckNodePort());
		}
		return ports;
	}

}
