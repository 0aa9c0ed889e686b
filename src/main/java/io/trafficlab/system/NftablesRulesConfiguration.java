package io.trafficlab.system;

import io.trafficlab.engine.rules.RulesMode;
import io.trafficlab.engine.rules.nftables.NftablesWalker;
import io.trafficlab.engine.rules.nftables.NftablesWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** kube-proxy's nftables proxier: its writer and its interpreter. */
@Configuration(proxyBeanMethods = false)
class NftablesRulesConfiguration {

	@Bean
	RulesProxier nftablesProxier() {
		return new RulesProxier(RulesMode.NFTABLES, new NftablesWriter(), new NftablesWalker());
	}

}
