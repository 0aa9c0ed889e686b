package io.trafficlab.engine.health;

import java.util.Map;

/**
 * An HTTP answer from a health-check server: status, headers in the order they are sent,
 * and the exact body.
 *
 * @param status the HTTP status code
 * @param headers the response headers, in order
 * @param body the body, byte for byte
 */
public record HealthCheckResponse(int status, Map<String, String> headers, String body) {

}
