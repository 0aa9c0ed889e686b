package io.trafficlab.cluster;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This server's name, from {@link InstanceProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstanceProperties.class)
class ClusterConfiguration {

	@Bean
	ThisInstance thisInstance(InstanceProperties properties) {
		InstanceId id = properties.instanceId();
		return (id != null) ? ThisInstance.named(id) : ThisInstance.single();
	}

}
