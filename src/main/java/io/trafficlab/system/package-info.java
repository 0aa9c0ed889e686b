/**
 * Cross-cutting web configuration: the engine's beans, request limits, JSON and HTML
 * error handling.
 */
@NullMarked
package io.trafficlab.system;

import org.jspecify.annotations.NullMarked;
