package io.trafficlab.system;

import io.trafficlab.engine.analysis.ClusterAnalyzer;
import io.trafficlab.engine.analysis.LoadBalancedTracer;
import io.trafficlab.engine.proxy.PacketTracer;
import io.trafficlab.manifest.ManifestImporter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the engine's facades as beans. They are plain, stateless Java objects: the
 * engine knows nothing of Spring.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	ManifestImporter manifestImporter() {
		return new ManifestImporter();
	}

	@Bean
	ClusterAnalyzer clusterAnalyzer() {
		return new ClusterAnalyzer();
	}

	@Bean
	PacketTracer packetTracer() {
		return new PacketTracer();
	}

	@Bean
	LoadBalancedTracer loadBalancedTracer() {
		return new LoadBalancedTracer();
	}

}
