package io.trafficlab.system;

import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.iptables.IptablesWalker;
import io.trafficlab.engine.rules.iptables.IptablesWriter;
import io.trafficlab.engine.rules.nftables.NftablesWalker;
import io.trafficlab.engine.rules.nftables.NftablesWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** kube-proxy's proxiers, iptables and nftables: each one's writer and interpreter. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	@Bean
	RulesProxier iptablesProxier() {
		return new RulesProxier(ProxyMode.IPTABLES, new IptablesWriter(), new IptablesWalker());
	}

	@Bean
	RulesProxier nftablesProxier() {
		return new RulesProxier(ProxyMode.NFTABLES, new NftablesWriter(), new NftablesWalker());
	}

}
