package io.trafficlab.cluster;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This server's name among several: {@code trafficlab.instance.id}, one symbol such as
 * {@code B}, or {@code trafficlab.instance.index}, a StatefulSet pod's index (0 is A).
 * Neither: the only instance, whose keys name no owner.
 *
 * @param id the symbol
 * @param index the pod index
 */
@ConfigurationProperties("trafficlab.instance")
record InstanceProperties(@Nullable String id, @Nullable Integer index) {

	InstanceProperties {
		if (id != null && !id.isBlank() && index != null) {
			throw new IllegalArgumentException("Set trafficlab.instance.id or trafficlab.instance.index, not both (id "
					+ id + ", index " + index + ")");
		}
	}

	/** The configured name, or {@code null} for the only instance. */
	@Nullable InstanceId instanceId() {
		if (this.id != null && !this.id.isBlank()) {
			return InstanceId.parse(this.id);
		}
		return (this.index != null) ? InstanceId.ofIndex(this.index) : null;
	}

}
