package io.trafficlab.engine.rules.iptables;

import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.Cidr;
import org.jspecify.annotations.Nullable;

/**
 * What every Service's rules on one node share during one sync: the two tables being
 * filled, the chain-name hasher and kube-proxy's flags.
 *
 * @param node the node whose kube-proxy writes
 * @param filter the {@code filter} table
 * @param nat the {@code nat} table
 * @param names the chain-name hasher
 * @param detector the local-traffic detector's CIDR, {@code null} without one
 * @param masqueradeAll {@code --masquerade-all}
 * @param largeCluster kube-proxy's {@code largeClusterMode} (more than 1,000 endpoints):
 * endpoint rules carry no comments
 */
record SyncContext(Node node, IptablesTable filter, IptablesTable nat, ChainNames names, @Nullable Cidr detector,
		boolean masqueradeAll, boolean largeCluster) {

	static final String MARK_MASQ = "KUBE-MARK-MASQ";

	static final String EXTERNAL_SERVICES = "KUBE-EXTERNAL-SERVICES";

	static final String PROXY_FIREWALL = "KUBE-PROXY-FIREWALL";

	/** {@code -m comment --comment "text"}. */
	static String comment(String text) {
		return "-m comment --comment \"" + text + "\"";
	}

	/**
	 * {@code appendServiceCommentLocked}: the unquoted comment, left out in a large
	 * cluster.
	 */
	String serviceComment(String text) {
		return this.largeCluster ? "" : "-m comment --comment " + text + " ";
	}

	/** {@code appendServiceCommentLocked} with a quoted comment. */
	String quotedServiceComment(String text) {
		return this.largeCluster ? "" : comment(text) + " ";
	}

}
