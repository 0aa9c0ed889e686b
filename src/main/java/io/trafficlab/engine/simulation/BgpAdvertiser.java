package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.kernel.SplitMix64;
import org.jspecify.annotations.Nullable;

/**
 * MetalLB in BGP mode: no probe; each speaker advertises a route to the Service's IP
 * while it should announce (Local: an endpoint on its node can serve; Cluster: one
 * anywhere can), and the upstream router spreads new connections evenly over the nodes it
 * has a route through (ECMP, per node). Source: metallb {@code speaker/bgp_controller.go}
 * {@code ShouldAnnounce}; the website's {@code concepts/bgp.md} and
 * {@code usage/_index.md}.
 * <ul>
 * <li>The speakers see an EndpointSlice change and advertise or withdraw; the simulation
 * models that delay as kube-proxy's sync delay (1 s).</li>
 * <li>A killed node cannot withdraw: the router keeps its route until the BGP session's
 * hold time expires ({@link #HOLD_TIME_MICROS}, native mode's default), and connections
 * it sends there are lost.</li>
 * <li>Every change of the route set rehashes the router's non-resilient ECMP: the
 * simulation resets every established connection of the Service (the docs say "most"; all
 * is the model's simplification).</li>
 * </ul>
 */
final class BgpAdvertiser {

	/**
	 * How long the router keeps the route of a speaker that went silent: 90 s, MetalLB's
	 * native BGP default ({@code internal/bgp/native/native.go}); FRR's default would be
	 * 180 s.
	 */
	static final long HOLD_TIME_MICROS = 90_000_000L;

	private final Core core;

	private final MetalLbSpeakers speakers;

	/** The nodes the router has a route through, in node order. */
	private final List<SimNode> routes = new ArrayList<>();

	BgpAdvertiser(Core core) {
		this.core = core;
		this.speakers = new MetalLbSpeakers(core, Core.BGP_UPDATE, Core.BGP_HOLD_EXPIRED, HOLD_TIME_MICROS);
	}

	/** At start (or when MetalLB takes over): the speakers that should advertise do. */
	void begin() {
		this.speakers.begin();
		this.routes.clear();
		this.routes.addAll(advertising());
	}

	/** The endpoints changed: the speakers advertise or withdraw once they see it. */
	void endpointsChanged() {
		this.speakers.endpointsChanged();
	}

	/** A node died: its routes stay until the router's hold timer expires. */
	void nodeKilled(SimNode node) {
		this.speakers.nodeKilled(node);
	}

	/** The hold timer of the dead node's session expired: the router drops its route. */
	void holdExpired(int nodeId) {
		if (!this.core.balancer.advertises()) {
			return;
		}
		SimNode node = this.speakers.gone(nodeId);
		if (node != null) {
			update("the BGP session with " + node.name + " timed out (hold time " + Times.format(HOLD_TIME_MICROS)
					+ ") and the router dropped its route");
		}
	}

	/** The speakers advertise and withdraw after an endpoint change. */
	void speakersUpdate() {
		this.speakers.updating();
		if (!this.core.balancer.advertises()) {
			return;
		}
		update("a speaker advertised or withdrew its route after an endpoint change");
	}

	private void update(String why) {
		List<SimNode> after = advertising();
		// a dead speaker cannot withdraw: its route stays while its session is up
		for (SimNode node : this.routes) {
			if (node.killed && !node.speakerGone && !after.contains(node)) {
				after.add(node);
			}
		}
		after.sort((a, b) -> Integer.compare(a.id, b.id));
		if (after.equals(this.routes)) {
			return;
		}
		this.routes.clear();
		this.routes.addAll(after);
		this.core.traffic.resetAll(why + ": the router's ECMP set changed and its hash sends established "
				+ "connections to other nodes, which have no conntrack entry for them (ECMP rehash)");
	}

	/** The nodes whose live speaker should advertise now, in node order. */
	private List<SimNode> advertising() {
		List<SimNode> result = this.speakers.candidates((node) -> !node.killed);
		result.sort((a, b) -> Integer.compare(a.id, b.id));
		return result;
	}

	/**
	 * The node the router sends the next new connection to, {@code null} without a route.
	 */
	@Nullable SimNode pick(SplitMix64 random) {
		int n = this.routes.size();
		return switch (n) {
			case 0 -> null;
			case 1 -> this.routes.get(0);
			default -> this.routes.get(random.nextInt(n));
		};
	}

	/** How many nodes the router has a route through. */
	int routes() {
		return this.routes.size();
	}

	/** The nodes the router has a route through, in node order. */
	List<String> routedNodeNames() {
		return this.routes.stream().map((node) -> node.name).toList();
	}

	/** Whether the router has a route through {@code node}. */
	boolean routesThrough(SimNode node) {
		return this.routes.contains(node);
	}

}
