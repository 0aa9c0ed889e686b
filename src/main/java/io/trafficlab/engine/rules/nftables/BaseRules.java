package io.trafficlab.engine.rules.nftables;

/**
 * The table, sets, maps, base chains and static rules kube-proxy's {@code setupNFTables}
 * writes on every full sync, in the order {@code TestOverallNFTablesRules}' base rules
 * list them.
 */
final class BaseRules {

	static final String MARK_MASQ = "mark-for-masquerade";

	static final String REJECT_CHAIN = "reject-chain";

	static final String MASQUERADE_BIT = "0x4000";

	/**
	 * The sandbox API server's service range ({@code ClusterIpAllocator}), which
	 * kube-proxy learns from the ServiceCIDR objects.
	 */
	static final String SERVICE_CIDR = "10.96.0.0/12";

	private static final String[][] BASE_CHAINS = { { "cluster-ips-check", "" },
			{ "filter-prerouting-pre-dnat", "{ type filter hook prerouting priority -110 ; }" },
			{ "filter-output-pre-dnat", "{ type filter hook output priority -110 ; }" },
			{ "filter-forward", "{ type filter hook forward priority 0 ; }" },
			{ "filter-input", "{ type filter hook input priority 0 ; }" },
			{ "filter-output", "{ type filter hook output priority 0 ; }" }, { "firewall-check", "" },
			{ MARK_MASQ, "" }, { "masquerading", "" }, { "nat-output", "{ type nat hook output priority -100 ; }" },
			{ "nat-postrouting", "{ type nat hook postrouting priority 100 ; }" },
			{ "nat-prerouting", "{ type nat hook prerouting priority -100 ; }" }, { "nodeport-endpoints-check", "" },
			{ REJECT_CHAIN, "{ comment \"helper for @no-endpoint-services / @no-endpoint-nodeports\" ; }" },
			{ "services", "" }, { "service-endpoints-check", "" } };

	private static final String[][] STATIC_RULES = {
			{ "cluster-ips-check",
					"ip daddr @cluster-ips reject comment \"Reject traffic to invalid ports of ClusterIPs\"" },
			{ "cluster-ips-check",
					"ip daddr { " + SERVICE_CIDR + " } drop comment \"Drop traffic to unallocated ClusterIPs\"" },
			{ "filter-prerouting-pre-dnat", "ct state new jump firewall-check" },
			{ "filter-forward", "ct state new jump service-endpoints-check" },
			{ "filter-forward", "ct state new jump cluster-ips-check" },
			{ "filter-input", "ct state new jump nodeport-endpoints-check" },
			{ "filter-input", "ct state new jump service-endpoints-check" },
			{ "filter-output", "ct state new jump service-endpoints-check" },
			{ "filter-output-pre-dnat", "ct state new jump firewall-check" },
			{ "filter-output", "ct state new jump cluster-ips-check" },
			{ "firewall-check", "ip daddr . meta l4proto . th dport vmap @firewall-ips" },
			{ MARK_MASQ, "mark set mark or " + MASQUERADE_BIT },
			{ "masquerading", "mark and " + MASQUERADE_BIT + " == 0 return" },
			{ "masquerading", "mark set mark xor " + MASQUERADE_BIT }, { "masquerading", "masquerade fully-random" },
			{ "nat-output", "jump services" }, { "nat-postrouting", "jump masquerading" },
			{ "nat-prerouting", "jump services" },
			{ "nodeport-endpoints-check",
					"ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports" },
			{ REJECT_CHAIN, "reject" }, { "services", "ip daddr . meta l4proto . th dport vmap @service-ips" },
			{ "services", "ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports" },
			{ "service-endpoints-check", "ip daddr . meta l4proto . th dport vmap @no-endpoint-services" } };

	private BaseRules() {
	}

	/**
	 * Writes the shared part; {@code nodeIp} is the only NodePort address (nftables
	 * mode's default {@code --nodeport-addresses primary}).
	 */
	static void write(Transaction tx, String nodeIp) {
		tx.line("add table ip " + Transaction.TABLE + " { comment \"rules for kube-proxy\" ; }");
		tx.blank();
		tx.container("set", "cluster-ips", "{ type ipv4_addr ; comment \"Active ClusterIPs\" ; }");
		tx.container("set", "nodeport-ips", "{ type ipv4_addr ; comment \"IPs that accept NodePort traffic\" ; }");
		tx.blank();
		String destination = "ipv4_addr . inet_proto . inet_service : verdict";
		tx.container("map", "firewall-ips", "{ type " + destination
				+ " ; comment \"destinations that are subject to LoadBalancerSourceRanges\" ; }");
		tx.container("map", "no-endpoint-nodeports", "{ type inet_proto . inet_service : verdict ; comment "
				+ "\"vmap to drop or reject packets to service nodeports with no endpoints\" ; }");
		tx.container("map", "no-endpoint-services", "{ type " + destination
				+ " ; comment \"vmap to drop or reject packets to services with no endpoints\" ; }");
		tx.container("map", "service-ips",
				"{ type " + destination + " ; comment \"ClusterIP, ExternalIP and LoadBalancer IP traffic\" ; }");
		tx.container("map", "service-nodeports",
				"{ type inet_proto . inet_service : verdict ; comment \"NodePort traffic\" ; }");
		tx.blank();
		for (String[] chain : BASE_CHAINS) {
			tx.chain(chain[0], chain[1]);
		}
		tx.blank();
		for (String[] rule : STATIC_RULES) {
			tx.rule(rule[0], rule[1]);
		}
		tx.blank();
		tx.element("nodeport-ips", nodeIp);
	}

}
