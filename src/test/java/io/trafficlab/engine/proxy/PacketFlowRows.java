package io.trafficlab.engine.proxy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.trafficlab.engine.endpoint.ClusterFixtures;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

import static io.trafficlab.engine.endpoint.ClusterFixtures.CLIENT;
import static io.trafficlab.engine.endpoint.ClusterFixtures.EXTERNAL_IP_ADDRESS;
import static io.trafficlab.engine.endpoint.ClusterFixtures.LB_IP;
import static io.trafficlab.engine.endpoint.ClusterFixtures.WEB;
import static io.trafficlab.engine.endpoint.ClusterFixtures.cluster;
import static io.trafficlab.engine.endpoint.ClusterFixtures.endpoint;
import static io.trafficlab.engine.endpoint.ClusterFixtures.layout;
import static io.trafficlab.engine.endpoint.ClusterFixtures.nodes;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static io.trafficlab.engine.model.TrafficPolicy.CLUSTER;
import static io.trafficlab.engine.model.TrafficPolicy.LOCAL;
import static io.trafficlab.engine.proxy.DestinationKind.CLUSTER_IP;
import static io.trafficlab.engine.proxy.DestinationKind.EXTERNAL_IP;
import static io.trafficlab.engine.proxy.DestinationKind.LOAD_BALANCER_IP;
import static io.trafficlab.engine.proxy.DestinationKind.NODE_PORT;
import static io.trafficlab.engine.proxy.SourceClass.EXTERNAL;
import static io.trafficlab.engine.proxy.SourceClass.NODE;
import static io.trafficlab.engine.proxy.SourceClass.POD;

/**
 * The rows of the packet-flow table ({@link PacketFlowTests}), shared with the rule
 * interpreters' tests.
 */
public final class PacketFlowRows {

	private static final String[] N1_PODS = { "10.244.1.10", "10.244.1.11", "10.244.1.12" };

	private static final String N2_POD = "10.244.2.10";

	private static final String[] ALL_PODS = { "10.244.1.10", "10.244.1.11", "10.244.1.12", "10.244.2.10" };

	private PacketFlowRows() {
	}

	public static Stream<Flow> flows() {
		return Stream.of(
				// §4 rows 1-2: eTP=Cluster SNATs; same-node pods see the bridge, others
				// the InternalIP (R8, R15)
				flow("external to LB IP on n1, Cluster: SNAT, bridge for n1 pods, InternalIP for n2 pod").web(CLUSTER)
					.at("n1")
					.from(EXTERNAL)
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("10.244.1.1", "192.168.0.11"),
				flow("external to NodePort on n3, Cluster: every pod sees n3's InternalIP").web(CLUSTER)
					.at("n3")
					.from(EXTERNAL)
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("external to external IP on n2, Cluster: SNAT").web(CLUSTER)
					.at("n2")
					.from(EXTERNAL)
					.to(EXTERNAL_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("192.168.0.12", "10.244.2.1"),
				// §4 row 3: eTP=Local keeps the client IP on a node with local pods
				flow("external to LB IP on n1, Local: n1's pods only, client IP kept").web(LOCAL)
					.at("n1")
					.from(EXTERNAL)
					.to(LOAD_BALANCER_IP)
					.dnat(N1_PODS)
					.masquerade(false)
					.seenByAll(CLIENT),
				flow("external to NodePort on n2, Local: n2's pod, client IP kept").web(LOCAL)
					.at("n2")
					.from(EXTERNAL)
					.to(NODE_PORT)
					.dnat(N2_POD)
					.masquerade(false)
					.seenByAll(CLIENT),
				// §4 row 4 and §8: a node without local pods drops; no endpoints at all
				// rejects (R10)
				flow("external to NodePort on n3, Local: no local endpoint, DROP").web(LOCAL)
					.at("n3")
					.from(EXTERNAL)
					.to(NODE_PORT)
					.drop(),
				flow("external to LB IP on n3, Local: DROP").web(LOCAL)
					.at("n3")
					.from(EXTERNAL)
					.to(LOAD_BALANCER_IP)
					.drop(),
				flow("external to external IP on n3, Local: DROP").web(LOCAL)
					.at("n3")
					.from(EXTERNAL)
					.to(EXTERNAL_IP)
					.drop(),
				flow("0/0/0, Local: external to LB IP is REJECTed").web(LOCAL)
					.pods(0, 0, 0)
					.at("n1")
					.from(EXTERNAL)
					.to(LOAD_BALANCER_IP)
					.reject(),
				flow("0/0/0, Local: external to NodePort is REJECTed").web(LOCAL)
					.pods(0, 0, 0)
					.at("n3")
					.from(EXTERNAL)
					.to(NODE_PORT)
					.reject(),
				flow("0/0/0, Local: pod to LB IP is REJECTed").web(LOCAL)
					.pods(0, 0, 0)
					.at("n2")
					.from(POD)
					.to(LOAD_BALANCER_IP)
					.reject(),
				flow("0/0/0, Cluster: node to external IP is REJECTed").web(CLUSTER)
					.pods(0, 0, 0)
					.at("n2")
					.from(NODE)
					.to(EXTERNAL_IP)
					.reject(),
				flow("0/0/0: pod to ClusterIP is REJECTed").web(CLUSTER)
					.pods(0, 0, 0)
					.at("n1")
					.from(POD)
					.to(CLUSTER_IP)
					.reject(),
				// §4 row 5 and §8: pods short-circuit to all endpoints under Local,
				// keeping their IP (R8)
				flow("pod on n3 to LB IP, Local: short-circuit to all 4 pods, pod IP kept").web(LOCAL)
					.at("n3")
					.from(POD)
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seenByAll("10.244.3.250"),
				flow("pod on n3 to NodePort, Local: short-circuit").web(LOCAL)
					.at("n3")
					.from(POD)
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seenByAll("10.244.3.250"),
				flow("pod on n1 to external IP, Local: short-circuit even with local pods").web(LOCAL)
					.at("n1")
					.from(POD)
					.to(EXTERNAL_IP)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seenByAll("10.244.1.250"),
				flow("pod of n1 hitting n2's NodePort, Local: counts as a pod by cluster CIDR").web(LOCAL)
					.at("n2")
					.from(POD)
					.source("10.244.1.77")
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seenByAll("10.244.1.77"),
				// §4 row 6: under Cluster pods are SNATed like anyone else
				flow("pod on n3 to LB IP, Cluster: SNAT to n3's InternalIP").web(CLUSTER)
					.at("n3")
					.from(POD)
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("pod on n1 to NodePort, Cluster: same-node pods see the bridge").web(CLUSTER)
					.at("n1")
					.from(POD)
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("10.244.1.1", "192.168.0.11"),
				// §4 row 7 and §8: host-network processes are SNATed to the node address,
				// under either policy
				flow("node n3 to LB IP, Local: SNAT to 192.168.0.13 and all 4 pods").web(LOCAL)
					.at("n3")
					.from(NODE)
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("node n3 to NodePort, Local: SNAT, all 4 pods").web(LOCAL)
					.at("n3")
					.from(NODE)
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("node n2 to LB IP, Local: SNAT, bridge for its own pod").web(LOCAL)
					.at("n2")
					.from(NODE)
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("192.168.0.12", "10.244.2.1"),
				flow("node n1 to LB IP, Cluster: SNAT").web(CLUSTER)
					.at("n1")
					.from(NODE)
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("10.244.1.1", "192.168.0.11"),
				// §4 row 8: pod to ClusterIP is not SNATed (unless --masquerade-all)
				flow("pod to ClusterIP, Local: no SNAT, all 4 pods").web(LOCAL)
					.at("n3")
					.from(POD)
					.to(CLUSTER_IP)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seenByAll("10.244.3.250"),
				flow("pod to ClusterIP, Cluster: no SNAT").web(CLUSTER)
					.at("n2")
					.from(POD)
					.to(CLUSTER_IP)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seenByAll("10.244.2.250"),
				flow("pod to ClusterIP with --masquerade-all: SNAT").web(CLUSTER)
					.at("n3")
					.from(POD)
					.to(CLUSTER_IP)
					.masqueradeAll()
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				// §4 row 9: node or external to ClusterIP is SNATed when there is a
				// detector
				flow("node to ClusterIP: SNAT").web(LOCAL)
					.at("n3")
					.from(NODE)
					.to(CLUSTER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("external to ClusterIP (routed service CIDR): SNAT").web(CLUSTER)
					.at("n2")
					.from(EXTERNAL)
					.to(CLUSTER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("192.168.0.12", "10.244.2.1"),
				// §4 row 10: hairpin
				flow("pod 10.244.1.10 to its own Service's ClusterIP: hairpin SNAT to its bridge").web(CLUSTER)
					.at("n1")
					.from(POD)
					.source("10.244.1.10")
					.to(CLUSTER_IP)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seen("10.244.1.10", "10.244.1.1", "10.244.1.11", "10.244.1.10", "10.244.1.12", "10.244.1.10",
							N2_POD, "10.244.1.10"),
				flow("pod 10.244.2.10 to LB IP, Local: hairpin on itself, short-circuit for the rest").web(LOCAL)
					.at("n2")
					.from(POD)
					.source(N2_POD)
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seen("10.244.1.10", N2_POD, "10.244.1.11", N2_POD, "10.244.1.12", N2_POD, N2_POD, "10.244.2.1"),
				flow("only endpoint is the source itself: hairpin").service(web(CLUSTER).build())
					.endpoints(endpoint("10.244.1.10", "n1").build())
					.at("n1")
					.from(POD)
					.source("10.244.1.10")
					.to(CLUSTER_IP)
					.dnat("10.244.1.10")
					.masquerade(false)
					.seen("10.244.1.10", "10.244.1.1"),
				// R8 without a local-traffic detector: no pod short-circuit, no ClusterIP
				// SNAT
				flow("no detector: pod on n3 to LB IP, Local: not short-circuited, DROP").web(LOCAL)
					.at("n3")
					.from(POD)
					.to(LOAD_BALANCER_IP)
					.noDetector()
					.drop(),
				flow("no detector: pod on n1 to LB IP, Local: n1's local pods only, no SNAT").web(LOCAL)
					.at("n1")
					.from(POD)
					.to(LOAD_BALANCER_IP)
					.noDetector()
					.dnat(N1_PODS)
					.masquerade(false)
					.seenByAll("10.244.1.250"),
				flow("no detector: node n3 to LB IP, Local: still SNAT and all pods").web(LOCAL)
					.at("n3")
					.from(NODE)
					.to(LOAD_BALANCER_IP)
					.noDetector()
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("no detector: node to ClusterIP is not SNATed").web(CLUSTER)
					.at("n3")
					.from(NODE)
					.to(CLUSTER_IP)
					.noDetector()
					.dnat(ALL_PODS)
					.masquerade(false)
					.seenByAll("192.168.0.13"),
				flow("no detector: external to ClusterIP is not SNATed").web(CLUSTER)
					.at("n3")
					.from(EXTERNAL)
					.to(CLUSTER_IP)
					.noDetector()
					.dnat(ALL_PODS)
					.masquerade(false)
					.seenByAll(CLIENT),
				flow("no detector, --masquerade-all: pod to ClusterIP is SNATed").web(CLUSTER)
					.at("n3")
					.from(POD)
					.to(CLUSTER_IP)
					.noDetector()
					.masqueradeAll()
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("no detector: pod to LB IP, Cluster: SNAT regardless").web(CLUSTER)
					.at("n3")
					.from(POD)
					.to(LOAD_BALANCER_IP)
					.noDetector()
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("narrow detector 10.244.1.0/24: pod of n3 is not a pod, Local DROP").web(LOCAL)
					.at("n3")
					.from(POD)
					.to(NODE_PORT)
					.detector("10.244.1.0/24")
					.drop(),
				flow("narrow detector 10.244.1.0/24: pod of n3 to ClusterIP is SNATed").web(CLUSTER)
					.at("n3")
					.from(POD)
					.to(CLUSTER_IP)
					.detector("10.244.1.0/24")
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("--masquerade-all does not touch Local external traffic").web(LOCAL)
					.at("n1")
					.from(EXTERNAL)
					.to(LOAD_BALANCER_IP)
					.masqueradeAll()
					.dnat(N1_PODS)
					.masquerade(false)
					.seenByAll(CLIENT),
				// R10 with internalTrafficPolicy Local
				flow("iTP Local: ClusterIP on n3 without local pods is DROPped")
					.service(web(CLUSTER).internalTrafficPolicy(LOCAL).build())
					.at("n3")
					.from(POD)
					.to(CLUSTER_IP)
					.drop(),
				flow("iTP Local: ClusterIP on n1 uses n1's pods only")
					.service(web(CLUSTER).internalTrafficPolicy(LOCAL).build())
					.at("n1")
					.from(POD)
					.to(CLUSTER_IP)
					.dnat(N1_PODS)
					.masquerade(false)
					.seenByAll("10.244.1.250"),
				flow("iTP Local does not affect NodePort traffic")
					.service(web(CLUSTER).internalTrafficPolicy(LOCAL).build())
					.at("n3")
					.from(EXTERNAL)
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				// R4 / §8: terminating endpoints
				flow("n2 pod terminating, Local: stragglers to n2 still reach it with the client IP").web(LOCAL)
					.endpoints(endpoint("10.244.1.10", "n1").build(), endpoint("10.244.1.11", "n1").build(),
							endpoint("10.244.1.12", "n1").build(), endpoint(N2_POD, "n2").servingTerminating().build())
					.at("n2")
					.from(EXTERNAL)
					.to(LOAD_BALANCER_IP)
					.dnat(N2_POD)
					.masquerade(false)
					.seenByAll(CLIENT),
				flow("n2 pod terminating, Local: pods short-circuit to the ready pods only").web(LOCAL)
					.endpoints(endpoint("10.244.1.10", "n1").build(),
							endpoint(N2_POD, "n2").servingTerminating().build())
					.at("n2")
					.from(POD)
					.to(LOAD_BALANCER_IP)
					.dnat("10.244.1.10")
					.masquerade(false)
					.seenByAll("10.244.2.250"),
				flow("all endpoints terminating, Cluster: the Cluster set falls back to them").web(CLUSTER)
					.endpoints(endpoint("10.244.1.10", "n1").servingTerminating().build(),
							endpoint(N2_POD, "n2").servingTerminating().build())
					.at("n3")
					.from(EXTERNAL)
					.to(NODE_PORT)
					.dnat("10.244.1.10", N2_POD)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("serving but not terminating and not ready: unusable, REJECT").web(CLUSTER)
					.endpoints(endpoint("10.244.1.10", "n1").conditions(false, true, false).build())
					.at("n1")
					.from(EXTERNAL)
					.to(NODE_PORT)
					.reject(),
				// R13: loadBalancerSourceRanges
				flow("source ranges: client inside 203.0.113.0/24 passes")
					.service(web(LOCAL).loadBalancerSourceRanges("203.0.113.0/24").build())
					.at("n1")
					.from(EXTERNAL)
					.to(LOAD_BALANCER_IP)
					.dnat(N1_PODS)
					.masquerade(false)
					.seenByAll(CLIENT),
				flow("source ranges: client outside is DROPped")
					.service(web(CLUSTER).loadBalancerSourceRanges("203.0.113.0/24").build())
					.at("n1")
					.from(EXTERNAL)
					.source("198.18.0.5")
					.to(LOAD_BALANCER_IP)
					.drop(),
				flow("source ranges: pods are filtered too")
					.service(web(LOCAL).loadBalancerSourceRanges("203.0.113.0/24").build())
					.at("n3")
					.from(POD)
					.to(LOAD_BALANCER_IP)
					.drop(),
				flow("source ranges: NodePorts bypass the filter")
					.service(web(CLUSTER).loadBalancerSourceRanges("203.0.113.0/24").build())
					.at("n2")
					.from(EXTERNAL)
					.source("198.18.0.5")
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("192.168.0.12", "10.244.2.1"),
				flow("source ranges: external IPs bypass the filter").service(
						web(LOCAL).externalIps(EXTERNAL_IP_ADDRESS).loadBalancerSourceRanges("203.0.113.0/24").build())
					.at("n1")
					.from(EXTERNAL)
					.source("198.18.0.5")
					.to(EXTERNAL_IP)
					.dnat(N1_PODS)
					.masquerade(false)
					.seenByAll("198.18.0.5"),
				flow("source ranges containing the node IP: traffic from the LB IP itself is allowed")
					.service(web(CLUSTER).loadBalancerSourceRanges("192.168.0.0/24").build())
					.at("n3")
					.from(NODE)
					.source(LB_IP)
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.13"),
				flow("source ranges without the node IP: traffic from the LB IP itself is DROPped")
					.service(web(CLUSTER).loadBalancerSourceRanges("203.0.113.0/24").build())
					.at("n3")
					.from(NODE)
					.source(LB_IP)
					.to(LOAD_BALANCER_IP)
					.drop(),
				flow("nftables: source ranges are checked before the no-endpoints REJECT")
					.service(web(LOCAL).loadBalancerSourceRanges("203.0.113.0/24").build())
					.mode(ProxyMode.NFTABLES)
					.pods(0, 0, 0)
					.at("n1")
					.from(EXTERNAL)
					.source("198.18.0.5")
					.to(LOAD_BALANCER_IP)
					.drop(),
				flow("iptables: no firewall for a Service without endpoints, so a blocked source is REJECTed")
					.service(web(LOCAL).loadBalancerSourceRanges("203.0.113.0/24").build())
					.pods(0, 0, 0)
					.at("n1")
					.from(EXTERNAL)
					.source("198.18.0.5")
					.to(LOAD_BALANCER_IP)
					.reject(),
				flow("source ranges: allowed client of a Service without endpoints is REJECTed")
					.service(web(LOCAL).loadBalancerSourceRanges("203.0.113.0/24").build())
					.pods(0, 0, 0)
					.at("n1")
					.from(EXTERNAL)
					.to(LOAD_BALANCER_IP)
					.reject(),
				// R6: zone hints filter the Cluster set, never the Local set
				flow("zone hints, Cluster: n1 in zone-a uses only zone-a endpoints").web(CLUSTER)
					.zones("zone-a", "zone-b", "zone-b")
					.endpoints(endpoint("10.244.1.10", "n1").zoneHints("zone-a").build(),
							endpoint(N2_POD, "n2").zoneHints("zone-b").build())
					.at("n1")
					.from(EXTERNAL)
					.to(NODE_PORT)
					.dnat("10.244.1.10")
					.masquerade(true)
					.seen("10.244.1.10", "10.244.1.1"),
				flow("zone hints, Local: pods short-circuit to the zone's endpoints").web(LOCAL)
					.zones("zone-a", "zone-b", "zone-b")
					.endpoints(endpoint("10.244.1.10", "n1").zoneHints("zone-a").build(),
							endpoint(N2_POD, "n2").zoneHints("zone-b").build())
					.at("n3")
					.from(POD)
					.to(LOAD_BALANCER_IP)
					.dnat(N2_POD)
					.masquerade(false)
					.seenByAll("10.244.3.250"),
				flow("node hints, Local: external traffic uses the whole Local set").web(LOCAL)
					.endpoints(endpoint("10.244.1.10", "n1").nodeHints("n2").build(),
							endpoint(N2_POD, "n2").nodeHints("n2").build())
					.at("n1")
					.from(EXTERNAL)
					.to(LOAD_BALANCER_IP)
					.dnat("10.244.1.10")
					.masquerade(false)
					.seenByAll(CLIENT),
				// R15 under each network model: MASQUERADE takes the address of the
				// interface toward the endpoint (nf_nat_masquerade_ipv4), which the CNI
				// decides
				flow("bridge: LB IP on n1, Cluster: n1's bridge for its pods, its InternalIP across nodes").web(CLUSTER)
					.network(NetworkModel.BRIDGE)
					.at("n1")
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("10.244.1.1", "192.168.0.11"),
				flow("overlay: LB IP on n1, Cluster: n1's bridge for its pods, its flannel.1 10.244.1.0 across nodes")
					.web(CLUSTER)
					.network(NetworkModel.OVERLAY)
					.at("n1")
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("10.244.1.1", "10.244.1.0"),
				flow("overlay: NodePort on n3, Cluster: every pod sees n3's flannel.1 10.244.3.0").web(CLUSTER)
					.network(NetworkModel.OVERLAY)
					.at("n3")
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("10.244.3.0"),
				flow("overlay: NodePort on n2, Cluster: n2's own pod sees its bridge, n1's pods its flannel.1")
					.web(CLUSTER)
					.network(NetworkModel.OVERLAY)
					.at("n2")
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenOnN1AndN2("10.244.2.0", "10.244.2.1"),
				flow("vpc: LB IP on n1, Cluster: every pod sees n1's InternalIP, its own pods too").web(CLUSTER)
					.network(NetworkModel.VPC)
					.at("n1")
					.to(LOAD_BALANCER_IP)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.11"),
				flow("vpc: NodePort on n2, Cluster: every pod sees n2's InternalIP").web(CLUSTER)
					.network(NetworkModel.VPC)
					.at("n2")
					.to(NODE_PORT)
					.dnat(ALL_PODS)
					.masquerade(true)
					.seenByAll("192.168.0.12"),
				flow("overlay: LB IP on n1, Local: no SNAT, the client IP is kept").web(LOCAL)
					.network(NetworkModel.OVERLAY)
					.at("n1")
					.to(LOAD_BALANCER_IP)
					.dnat(N1_PODS)
					.masquerade(false)
					.seenByAll(CLIENT),
				flow("vpc: pod on n1 to ClusterIP: not masqueraded, every pod sees the pod").web(CLUSTER)
					.network(NetworkModel.VPC)
					.at("n1")
					.from(POD)
					.to(CLUSTER_IP)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seenByAll("10.244.1.250"),
				// hairpin under each network model: the endpoint's own traffic is
				// masqueraded toward itself, over its own node's interface
				flow("overlay: pod 10.244.1.10 to its own ClusterIP: hairpin SNAT to n1's bridge").web(CLUSTER)
					.network(NetworkModel.OVERLAY)
					.at("n1")
					.from(POD)
					.source("10.244.1.10")
					.to(CLUSTER_IP)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seen("10.244.1.10", "10.244.1.1", "10.244.1.11", "10.244.1.10", "10.244.1.12", "10.244.1.10",
							N2_POD, "10.244.1.10"),
				flow("vpc: pod 10.244.1.10 to its own ClusterIP: hairpin SNAT to n1's InternalIP").web(CLUSTER)
					.network(NetworkModel.VPC)
					.at("n1")
					.from(POD)
					.source("10.244.1.10")
					.to(CLUSTER_IP)
					.dnat(ALL_PODS)
					.masquerade(false)
					.seen("10.244.1.10", "192.168.0.11", "10.244.1.11", "10.244.1.10", "10.244.1.12", "10.244.1.10",
							N2_POD, "10.244.1.10"),
				flow("vpc: only endpoint is the source itself: hairpin to n1's InternalIP")
					.service(web(CLUSTER).build())
					.network(NetworkModel.VPC)
					.endpoints(endpoint("10.244.1.10", "n1").build())
					.at("n1")
					.from(POD)
					.source("10.244.1.10")
					.to(CLUSTER_IP)
					.dnat("10.244.1.10")
					.masquerade(false)
					.seen("10.244.1.10", "192.168.0.11"));
	}

	private static Flow flow(String name) {
		return new Flow(name);
	}

	/** One row of the packet-flow table. */
	public static final class Flow {

		private final String name;

		private Service service = ClusterFixtures.web(CLUSTER).build();

		private List<Endpoint> endpointList = layout(3, 1, 0);

		private String[] zones = new String[0];

		private String node = "n1";

		private SourceClass from = EXTERNAL;

		private @Nullable String sourceIp;

		private DestinationKind to = LOAD_BALANCER_IP;

		private @Nullable String clusterCidr;

		private boolean masqueradeAll;

		private NetworkModel network = NetworkModel.DEFAULT;

		private ProxyMode mode = ProxyMode.IPTABLES;

		private Verdict verdict = Verdict.DNAT;

		private List<String> endpoints = List.of();

		private boolean masquerade;

		private Map<String, String> seen = Map.of();

		private @Nullable String seenByAll;

		Flow(String name) {
			this.name = name;
		}

		Flow web(TrafficPolicy policy) {
			return service(ClusterFixtures.web(policy).externalIps(EXTERNAL_IP_ADDRESS).build());
		}

		Flow service(Service service) {
			this.service = service;
			return this;
		}

		Flow pods(int... podsPerNode) {
			this.endpointList = layout(podsPerNode);
			return this;
		}

		Flow endpoints(Endpoint... endpoints) {
			this.endpointList = Arrays.asList(endpoints);
			return this;
		}

		Flow zones(String... zones) {
			this.zones = zones;
			return this;
		}

		Flow mode(ProxyMode mode) {
			this.mode = mode;
			return this;
		}

		Flow at(String node) {
			this.node = node;
			return this;
		}

		Flow from(SourceClass from) {
			this.from = from;
			return this;
		}

		Flow source(String sourceIp) {
			this.sourceIp = sourceIp;
			return this;
		}

		Flow to(DestinationKind to) {
			this.to = to;
			return this;
		}

		Flow noDetector() {
			return detector(TraceRequest.NO_DETECTOR);
		}

		Flow detector(String clusterCidr) {
			this.clusterCidr = clusterCidr;
			return this;
		}

		Flow network(NetworkModel network) {
			this.network = network;
			return this;
		}

		Flow masqueradeAll() {
			this.masqueradeAll = true;
			return this;
		}

		Flow dnat(String... endpoints) {
			this.verdict = Verdict.DNAT;
			this.endpoints = List.of(endpoints);
			return this;
		}

		Flow drop() {
			this.verdict = Verdict.DROP;
			return this;
		}

		Flow reject() {
			this.verdict = Verdict.REJECT;
			return this;
		}

		Flow masquerade(boolean masquerade) {
			this.masquerade = masquerade;
			return this;
		}

		/** Pairs of endpoint IP and the source it sees. */
		Flow seen(String... pairs) {
			Map<String, String> map = new LinkedHashMap<>();
			for (int i = 0; i < pairs.length; i += 2) {
				map.put(pairs[i], pairs[i + 1]);
			}
			this.seen = map;
			return this;
		}

		/** n1's three pods see {@code n1Pods}, n2's pod sees {@code n2Pod}. */
		Flow seenOnN1AndN2(String n1Pods, String n2Pod) {
			return seen(N1_PODS[0], n1Pods, N1_PODS[1], n1Pods, N1_PODS[2], n1Pods, N2_POD, n2Pod);
		}

		Flow seenByAll(String source) {
			this.seenByAll = source;
			return this;
		}

		public Map<String, String> seen() {
			if (this.seenByAll == null) {
				return this.seen;
			}
			Map<String, String> map = new LinkedHashMap<>();
			this.endpoints.forEach((ip) -> map.put(ip, this.seenByAll));
			return map;
		}

		/** The proxier the row's expectations are for. */
		public ProxyMode mode() {
			return this.mode;
		}

		public Verdict verdict() {
			return this.verdict;
		}

		public List<String> endpoints() {
			return this.endpoints;
		}

		public boolean masquerade() {
			return this.masquerade;
		}

		/** Where the packet is sent. */
		public DestinationKind to() {
			return this.to;
		}

		/** Whether the source is a process of the node itself. */
		public SourceClass from() {
			return this.from;
		}

		public Cluster cluster() {
			List<Node> nodes = new ArrayList<>(nodes(3));
			for (int i = 0; i < this.zones.length; i++) {
				nodes.set(i, ClusterFixtures.node(i + 1).zone(this.zones[i]).build());
			}
			return ClusterFixtures.cluster(nodes, this.service, this.endpointList);
		}

		public TraceRequest request() {
			return new TraceRequest(WEB, this.node, this.from, this.to, this.sourceIp, this.clusterCidr,
					this.masqueradeAll, this.network, this.mode);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
