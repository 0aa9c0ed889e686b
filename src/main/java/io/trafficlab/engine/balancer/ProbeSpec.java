package io.trafficlab.engine.balancer;

import org.jspecify.annotations.Nullable;

/**
 * What a load balancer checks under the Service's current policy: the API's {@code probe}
 * object.
 *
 * @param protocol TCP or HTTP
 * @param target which port it reaches
 * @param port the port number ({@code 0} when the Service has none allocated yet or the
 * pod's port is named)
 * @param path the HTTP path, {@code null} for TCP
 * @param intervalSeconds seconds between probes
 * @param timeoutSeconds seconds before a probe counts as failed
 * @param healthyThreshold passing probes in a row to turn healthy
 * @param unhealthyThreshold failing probes in a row to turn unhealthy
 */
public record ProbeSpec(ProbeProtocol protocol, ProbeTarget target, int port, @Nullable String path,
		int intervalSeconds, int timeoutSeconds, int healthyThreshold, int unhealthyThreshold) {

	static ProbeSpec http(ProbeTarget target, int port, String path, int interval, int timeout, int healthy,
			int unhealthy) {
		return new ProbeSpec(ProbeProtocol.HTTP, target, port, path, interval, timeout, healthy, unhealthy);
	}

	static ProbeSpec tcp(ProbeTarget target, int port, int interval, int timeout, int healthy, int unhealthy) {
		return new ProbeSpec(ProbeProtocol.TCP, target, port, null, interval, timeout, healthy, unhealthy);
	}

	ProbeSpec withProtocol(ProbeProtocol newProtocol, @Nullable String newPath) {
		return new ProbeSpec(newProtocol, this.target, this.port, (newProtocol == ProbeProtocol.HTTP) ? newPath : null,
				this.intervalSeconds, this.timeoutSeconds, this.healthyThreshold, this.unhealthyThreshold);
	}

	ProbeSpec withPath(String newPath) {
		return new ProbeSpec(this.protocol, this.target, this.port,
				(this.protocol == ProbeProtocol.HTTP) ? newPath : null, this.intervalSeconds, this.timeoutSeconds,
				this.healthyThreshold, this.unhealthyThreshold);
	}

	ProbeSpec atPort(int newPort) {
		return new ProbeSpec(this.protocol, this.target, newPort, this.path, this.intervalSeconds, this.timeoutSeconds,
				this.healthyThreshold, this.unhealthyThreshold);
	}

	ProbeSpec withTiming(int interval, int timeout, int healthy, int unhealthy) {
		return new ProbeSpec(this.protocol, this.target, this.port, this.path, interval, timeout, healthy, unhealthy);
	}

}
