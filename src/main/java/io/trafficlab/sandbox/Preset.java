package io.trafficlab.sandbox;

import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.simulation.SimulationSettings;

/**
 * A bundled cluster to start a sandbox from: Kubernetes YAML under {@code presets/}.
 *
 * @param name the file name without {@code .yaml}, as used in {@code ?preset=}
 * @param title the {@code # title:} comment
 * @param description the {@code # description:} comment
 * @param manifests the YAML
 */
public record Preset(String name, String title, String description, String manifests) {

	/**
	 * The load balancer the description's claims are about: the one a sandbox starts
	 * with. Behind another one the shares differ, and the page says so.
	 */
	public LoadBalancerKind describedBehind() {
		return SimulationSettings.defaults().kind();
	}

}
