package io.trafficlab.engine.rules.iptables;

/**
 * The chains and rules kube-proxy writes on every sync whatever the Services:
 * {@code KUBE-POSTROUTING}, {@code KUBE-MARK-MASQ}, kubelet's {@code KUBE-FIREWALL}
 * localnet rule, {@code KUBE-FORWARD}, and the final jump to {@code KUBE-NODEPORTS}.
 */
final class StaticChains {

	/** The default masquerade bit 14. */
	static final String MASQUERADE_MARK = "0x4000";

	private StaticChains() {
	}

	static void writeBefore(SyncContext context) {
		IptablesTable filter = context.filter();
		for (String chain : new String[] { IptablesTable.SERVICES, SyncContext.EXTERNAL_SERVICES, "KUBE-FORWARD",
				IptablesTable.NODE_PORTS, SyncContext.PROXY_FIREWALL }) {
			filter.declare(chain);
		}
		IptablesTable nat = context.nat();
		for (String chain : new String[] { IptablesTable.SERVICES, IptablesTable.NODE_PORTS, "KUBE-POSTROUTING",
				SyncContext.MARK_MASQ }) {
			nat.declare(chain);
		}
		nat.append("KUBE-POSTROUTING", "-m mark ! --mark " + MASQUERADE_MARK + "/" + MASQUERADE_MARK + " -j RETURN");
		nat.append("KUBE-POSTROUTING", "-j MARK --xor-mark " + MASQUERADE_MARK);
		nat.append("KUBE-POSTROUTING",
				SyncContext.comment("kubernetes service traffic requiring SNAT") + " -j MASQUERADE");
		nat.append(SyncContext.MARK_MASQ, "-j MARK --or-mark " + MASQUERADE_MARK);
		filter.append("KUBE-FIREWALL", SyncContext.comment("block incoming localnet connections")
				+ " -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP");
	}

	static void writeAfter(SyncContext context) {
		context.nat()
			.append(IptablesTable.SERVICES,
					SyncContext.comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain")
							+ " -m addrtype --dst-type LOCAL -j " + IptablesTable.NODE_PORTS);
		IptablesTable filter = context.filter();
		filter.append("KUBE-FORWARD",
				"-m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP");
		filter.append("KUBE-FORWARD", SyncContext.comment("kubernetes forwarding rules") + " -m mark --mark "
				+ MASQUERADE_MARK + "/" + MASQUERADE_MARK + " -j ACCEPT");
		filter.append("KUBE-FORWARD", SyncContext.comment("kubernetes forwarding conntrack rule")
				+ " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
	}

}
