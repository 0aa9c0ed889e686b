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
	 * A start that a page shows like a preset but that is not one of the bundled files (a
	 * lesson step, a challenge, a shared link): it has no name, so no {@code ?preset=}
	 * names it.
	 */
	public static Preset unlisted(String title, String description, String manifests) {
		return new Preset("", title, description, manifests);
	}

	/**
	 * The load balancer the description's claims are about: the one a sandbox starts
	 * with. Behind another one the shares differ, and the page says so.
	 */
	public LoadBalancerKind describedBehind() {
		return SimulationSettings.defaults().kind();
	}

}
