package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.balancer.LoadBalancerSpec;
import io.trafficlab.engine.kernel.EventHandler;
import io.trafficlab.engine.kernel.EventLoop;
import io.trafficlab.engine.kernel.SplitMix64;
import io.trafficlab.engine.model.Service;
import org.jspecify.annotations.Nullable;

/**
 * Wires the actors to the kernel: owns the clock, the random sources, the world and the
 * actors, and dispatches each queued event to the actor it belongs to.
 */
final class Core implements EventHandler {

	static final int ARRIVAL = 0;

	static final int COMPLETION = 1;

	static final int PROBE = 2;

	static final int PROXY_SYNC = 3;

	static final int POD_READY = 4;

	static final int POD_DELETION = 5;

	static final int NODE_NOT_READY = 6;

	static final int TAINT_EVICTION = 7;

	static final int PROBE_TIMEOUT = 8;

	static final int DEREGISTERED = 9;

	static final int ANNOUNCE = 10;

	static final int SPEAKER_LOST = 11;

	static final int POD_TARGETS = 12;

	static final int POD_PROBE = 13;

	static final int POD_PROBE_TIMEOUT = 14;

	static final int POD_DEREGISTERED = 15;

	static final int BGP_UPDATE = 16;

	static final int BGP_HOLD_EXPIRED = 17;

	static final int APP_EXIT = 18;

	final EventLoop loop = new EventLoop();

	/**
	 * Draws for the clients: arrival times and which client opens each connection. Kept
	 * apart from routing, so the same seed gives the same client traffic whatever the
	 * policy (compare mode relies on it).
	 */
	final SplitMix64 arrivalRandom;

	/** Draws for routing: the LB's pick and kube-proxy's choice of endpoint. */
	final SplitMix64 routingRandom;

	/** Draws for everything else: probe phases, pod names. */
	final SplitMix64 controlRandom;

	/**
	 * Draws the endpoint each TCP probe of the NodePort is DNATed to (R11). A stream of
	 * its own, seeded like the others, so probes do not shift pod names or probe phases.
	 */
	final SplitMix64 probeRandom;

	final World world;

	final Emitter emitter = new Emitter();

	final List<String> clientIps;

	final int clients;

	SimulationSettings settings;

	private Entry entry;

	private long entryVersion = -1;

	private @Nullable LoadBalancerSpec spec;

	private long specVersion = -1;

	private @Nullable SimulationSettings specSettings;

	final PodFactory podFactory;

	final Conntrack conntrack = new Conntrack();

	final KubeProxy proxy;

	final LoadBalancer balancer;

	final L2Announcer announcer;

	final PodTargetGroup podTargets;

	final BgpAdvertiser bgp;

	final Traffic traffic;

	final Lifecycle lifecycle;

	final NodeLifecycle nodeLifecycle;

	/**
	 * Renders the Service into ServiceUpdated events; {@code null}: they carry no text.
	 */
	@Nullable ServiceRenderer serviceRenderer;

	Core(World world, SimulationSettings settings) {
		SimulatedBalancers.check(settings.kind());
		this.world = world;
		this.settings = settings;
		this.clientIps = settings.clientIps();
		this.clients = this.clientIps.size();
		this.arrivalRandom = new SplitMix64(settings.seed());
		this.routingRandom = new SplitMix64(settings.seed() ^ 0xbb67ae8584caa73bL);
		this.controlRandom = new SplitMix64(settings.seed() ^ 0x6a09e667f3bcc909L);
		this.probeRandom = new SplitMix64(settings.seed() ^ 0x3c6ef372fe94f82bL);
		if (!world.publishes(settings.kind())) {
			world.publish(settings.kind());
		}
		this.entry = Entry.of(world.service(), world.loadBalancerHostname,
				AwsNames.zoneAddresses(world.nodesByName.values(), settings.clientIps()), settings.clientIps());
		this.podFactory = new PodFactory(world, this.controlRandom);
		this.proxy = new KubeProxy(this);
		this.balancer = new LoadBalancer(this);
		this.announcer = new L2Announcer(this);
		this.podTargets = new PodTargetGroup(this);
		this.bgp = new BgpAdvertiser(this);
		this.traffic = new Traffic(this);
		this.lifecycle = new Lifecycle(this);
		this.nodeLifecycle = new NodeLifecycle(this, this.lifecycle);
	}

	/** Brings every actor to the steady state of the world at time 0. */
	void begin() {
		this.proxy.syncAllNow();
		this.balancer.begin();
		this.lifecycle.begin();
		this.traffic.begin();
	}

	long now() {
		return this.loop.now();
	}

	Service service() {
		return this.world.service();
	}

	/** Where clients send connections, for the current Service. */
	Entry entry() {
		if (this.entryVersion != this.world.version()) {
			this.entry = Entry.of(this.world.service(), this.world.loadBalancerHostname,
					AwsNames.zoneAddresses(this.world.nodesByName.values(), this.clientIps), this.clientIps);
			this.entryVersion = this.world.version();
		}
		return this.entry;
	}

	/**
	 * What the chosen load balancer does for the current Service, as its catalogue entry
	 * says (policy and annotations read); recomputed when the cluster or the settings
	 * changed.
	 */
	LoadBalancerSpec spec() {
		LoadBalancerSpec current = this.spec;
		if (current == null || this.specVersion != this.world.version() || this.specSettings != this.settings) {
			current = LoadBalancerCatalog.of(this.settings.kind(), this.world.service(), this.settings.loadBalancer(),
					new ArrayList<>());
			this.spec = current;
			this.specVersion = this.world.version();
			this.specSettings = this.settings;
		}
		return current;
	}

	LoadBalancerModel loadBalancerModel() {
		return this.settings.loadBalancer();
	}

	/**
	 * The cluster changed: the API server's state is rebuilt on demand and (when
	 * endpoints or the Service may have changed) every kube-proxy syncs after its delay.
	 */
	void changed(boolean proxies) {
		this.world.changed();
		if (proxies) {
			this.proxy.scheduleSyncs();
			if (this.balancer.announces()) {
				this.announcer.endpointsChanged();
			}
			if (this.balancer.targetsPods()) {
				this.podTargets.endpointsChanged();
			}
			if (this.balancer.advertises()) {
				this.bgp.endpointsChanged();
			}
		}
	}

	@Override
	public void handle(int kind, long payload) {
		switch (kind) {
			case ARRIVAL -> this.traffic.arrive(payload);
			case COMPLETION -> this.traffic.complete(payload);
			case PROBE -> this.balancer.probe(payload);
			case PROBE_TIMEOUT -> this.balancer.timedOut((int) payload);
			case PROXY_SYNC -> this.proxy.sync((int) payload);
			case POD_READY -> this.lifecycle.ready((int) payload);
			case APP_EXIT -> this.lifecycle.appExited((int) payload);
			case POD_DELETION -> this.lifecycle.delete((int) payload);
			case NODE_NOT_READY -> this.nodeLifecycle.notReady((int) payload);
			case TAINT_EVICTION -> this.nodeLifecycle.evict((int) payload);
			case DEREGISTERED -> this.balancer.drained(payload);
			case ANNOUNCE -> this.announcer.elect();
			case SPEAKER_LOST -> this.announcer.speakerLost((int) payload);
			case POD_TARGETS -> this.podTargets.reconcile();
			case POD_PROBE -> this.podTargets.probe(payload);
			case POD_PROBE_TIMEOUT -> this.podTargets.timedOut(payload);
			case POD_DEREGISTERED -> this.podTargets.drained(payload);
			case BGP_UPDATE -> this.bgp.speakersUpdate();
			case BGP_HOLD_EXPIRED -> this.bgp.holdExpired((int) payload);
			default -> throw new IllegalStateException("Unknown event kind " + kind);
		}
	}

}
