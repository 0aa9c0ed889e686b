package io.trafficlab.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.RulesWriter;
import io.trafficlab.system.RulesProxier;

import org.springframework.stereotype.Component;

/**
 * The one place that maps a {@link ProxyMode} to its writer and walker, collected from
 * the {@link RulesProxier} beans: a proxier plugs in by declaring its bean, and every
 * mode must have one. The sandbox's rules endpoints use it too.
 */
@Component
public class RulesProxiers {

	private final Map<ProxyMode, RulesWriter> writers = new EnumMap<>(ProxyMode.class);

	private final Map<ProxyMode, RulesWalker> walkers = new EnumMap<>(ProxyMode.class);

	RulesProxiers(List<RulesProxier> proxiers) {
		for (RulesProxier proxier : proxiers) {
			this.writers.put(proxier.mode(), proxier.writer());
			this.walkers.put(proxier.mode(), proxier.walker());
		}
		for (ProxyMode mode : ProxyMode.values()) {
			if (!this.writers.containsKey(mode)) {
				throw new IllegalStateException("No RulesProxier bean for mode " + mode.apiName());
			}
		}
	}

	public RulesWriter writer(ProxyMode mode) {
		return this.writers.get(mode);
	}

	public RulesWalker walker(ProxyMode mode) {
		return this.walkers.get(mode);
	}

}
