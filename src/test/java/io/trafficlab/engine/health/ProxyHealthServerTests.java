package io.trafficlab.engine.health;

import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.endpoint.ClusterFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProxyHealthServer}: kube-proxy's {@code /healthz} and {@code /livez}
 * (R19).
 */
class ProxyHealthServerTests {

	@Test
	void healthzWhenHealthyAndEligibleShouldAnswer200() {
		assertThat(ProxyHealthServer.healthz(node(1).build())).isEqualTo(new ProxyHealth(200, true, true));
	}

	@Test
	void healthzWhenDeletionTimestampShouldAnswer503WithHealthyTrue() {
		assertThat(ProxyHealthServer.healthz(node(1).deleting().build())).isEqualTo(new ProxyHealth(503, true, false));
	}

	@Test
	void healthzWhenToBeDeletedTaintShouldAnswer503WhateverTheEffect() {
		assertThat(ProxyHealthServer.healthz(node(1).toBeDeleted().build()))
			.isEqualTo(new ProxyHealth(503, true, false));
		assertThat(ProxyHealthServer.healthz(node(1).taint("ToBeDeletedByClusterAutoscaler", "NoExecute").build())
			.status()).isEqualTo(503);
	}

	@Test
	void healthzWhenOtherTaintsShouldAnswer200() {
		assertThat(ProxyHealthServer.healthz(node(1).taint("node.kubernetes.io/unschedulable", "NoSchedule")
			.taint("DeletionCandidateOfClusterAutoscaler", "PreferNoSchedule")
			.build())).isEqualTo(new ProxyHealth(200, true, true));
	}

	@Test
	void healthzWhenUnhealthyShouldAnswer503() {
		assertThat(ProxyHealthServer.healthz(node(1).proxyUnhealthy().build()))
			.isEqualTo(new ProxyHealth(503, false, true));
		assertThat(ProxyHealthServer.healthz(node(1).proxyUnhealthy().deleting().build()))
			.isEqualTo(new ProxyHealth(503, false, false));
	}

	@Test
	void livezShouldIgnoreNodeEligibility() {
		assertThat(ProxyHealthServer.livez(node(1).deleting().toBeDeleted().build()))
			.isEqualTo(new ProxyHealth(200, true, null));
		assertThat(ProxyHealthServer.livez(node(1).proxyUnhealthy().build()))
			.isEqualTo(new ProxyHealth(503, false, null));
	}

}
