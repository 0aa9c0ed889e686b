package io.trafficlab.api;

import io.trafficlab.engine.balancer.ProbeProtocol;
import io.trafficlab.engine.balancer.ProbeSpec;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A load balancer's health check (the contract's {@code probe}): {@code path} is left out
 * for TCP.
 *
 * @param protocol {@code TCP} or {@code HTTP}
 * @param port the port it reaches
 * @param path the HTTP path
 * @param intervalSeconds seconds between probes
 * @param timeoutSeconds seconds before a probe fails
 * @param healthyThreshold passing probes in a row to turn healthy
 * @param unhealthyThreshold failing probes in a row to turn unhealthy
 */
record ProbeJson(String protocol, int port, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String path,
		int intervalSeconds, int timeoutSeconds, int healthyThreshold, int unhealthyThreshold) {

	static ProbeJson of(ProbeSpec probe) {
		return new ProbeJson(probe.protocol().apiName(), probe.port(),
				(probe.protocol() == ProbeProtocol.HTTP) ? probe.path() : null, probe.intervalSeconds(),
				probe.timeoutSeconds(), probe.healthyThreshold(), probe.unhealthyThreshold());
	}

}
