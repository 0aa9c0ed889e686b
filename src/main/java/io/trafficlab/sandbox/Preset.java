package io.trafficlab.sandbox;

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

}
