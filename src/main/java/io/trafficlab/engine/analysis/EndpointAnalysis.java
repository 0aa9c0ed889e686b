package io.trafficlab.engine.analysis;

import java.util.Map;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;

/**
 * What one endpoint receives of the Service's external traffic.
 *
 * @param endpoint the endpoint
 * @param externalShare its share of all new external connections
 * @param sourcesSeen each source address it sees and that source's share of all new
 * external connections, in a stable order
 */
public record EndpointAnalysis(Endpoint endpoint, Fraction externalShare, Map<String, Fraction> sourcesSeen) {

}
