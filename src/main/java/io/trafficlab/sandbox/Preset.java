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

}
