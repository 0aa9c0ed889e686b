package io.trafficlab.sandbox;

/**
 * The answer of {@code GET /api/v1/sandboxes/{id}/permalink}.
 *
 * @param url the playground's address with the sandbox's state in {@code ?s=}
 * @param changedSinceStart whether the sandbox has accepted a command since it started (a
 * lesson step shares its own address until then)
 */
record Permalink(String url, boolean changedSinceStart) {

}
