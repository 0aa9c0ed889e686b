package io.trafficlab.engine.cluster;

import org.jspecify.annotations.Nullable;

/**
 * The parts of a Pod's {@code status} the sandbox reads.
 *
 * @param phase {@code status.phase}, or {@code null}
 * @param podIp {@code status.podIP}, or {@code null}
 * @param ready whether the {@code Ready} condition is {@code True}
 */
public record DeclaredPodStatus(@Nullable String phase, @Nullable String podIp, boolean ready) {

	/**
	 * Whether the pod has finished ({@code Succeeded} or {@code Failed}): such pods are
	 * never endpoints.
	 */
	public boolean finished() {
		return "Succeeded".equals(this.phase) || "Failed".equals(this.phase);
	}

}
