package io.trafficlab.teaching;

import io.trafficlab.engine.proxy.ProxyMode;

/**
 * A question's {@code showRules}: once the learner has answered, the playground's Rules
 * panel opens on this node's rules in this mode.
 *
 * @param node the node whose kube-proxy rules to show
 * @param mode {@code iptables} or {@code nftables}
 */
public record RulesReveal(String node, ProxyMode mode) {
}
