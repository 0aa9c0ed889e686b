package io.trafficlab.analyzer;

/**
 * A bundled example cluster.
 *
 * @param name the file name without {@code .yaml}
 * @param title the {@code # title:} line
 * @param manifests the file's text
 */
record ManifestExample(String name, String title, String manifests) {

}
