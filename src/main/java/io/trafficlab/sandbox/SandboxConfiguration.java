package io.trafficlab.sandbox;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sandbox feature's settings and the wall clock it measures idleness with (a bean, so
 * tests can fix it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SandboxProperties.class, SandboxCreationProperties.class })
class SandboxConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
