package io.trafficlab.engine.rules.iptables;

/**
 * One endpoint of a service port and its {@code KUBE-SEP-…} chain.
 *
 * @param ip the endpoint's address
 * @param endpoint {@code ip:port}, the DNAT destination and the hash input
 * @param chain the {@code KUBE-SEP-…} chain's name
 */
record EndpointChain(String ip, String endpoint, String chain) {

	static String hostPort(String ip, int port) {
		return (ip.indexOf(':') >= 0) ? "[" + ip + "]:" + port : ip + ":" + port;
	}

}
