package io.trafficlab.sandbox;

/**
 * The answer of {@code GET /api/v1/sandboxes/{id}/permalink}.
 *
 * @param url the playground's address with the sandbox's state in {@code ?s=}
 */
record Permalink(String url) {

}
