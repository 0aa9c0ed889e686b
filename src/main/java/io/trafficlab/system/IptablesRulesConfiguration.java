package io.trafficlab.system;

import io.trafficlab.engine.rules.RulesMode;
import io.trafficlab.engine.rules.iptables.IptablesWalker;
import io.trafficlab.engine.rules.iptables.IptablesWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** kube-proxy's iptables proxier: its writer and its interpreter. */
@Configuration(proxyBeanMethods = false)
class IptablesRulesConfiguration {

	@Bean
	RulesProxier iptablesProxier() {
		return new RulesProxier(RulesMode.IPTABLES, new IptablesWriter(), new IptablesWalker());
	}

}
