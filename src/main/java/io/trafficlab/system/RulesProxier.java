package io.trafficlab.system;

import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.RulesWriter;

/**
 * One of kube-proxy's proxiers as a bean: the rules it writes and the interpreter that
 * walks them. Each proxier registers one; the API collects them by mode.
 *
 * @param mode the proxier's {@code --proxy-mode}
 * @param writer writes a node's rules
 * @param walker walks a packet through them
 */
public record RulesProxier(ProxyMode mode, RulesWriter writer, RulesWalker walker) {

}
