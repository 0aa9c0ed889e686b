package io.trafficlab.manifest;

import tools.jackson.databind.JsonNode;

/**
 * One document of a YAML stream (or one JSON value), with where it starts.
 *
 * @param root the parsed document
 * @param line the 1-based line it starts on
 * @param column the 1-based column it starts at
 */
record SourceDocument(JsonNode root, int line, int column) {

}
