package io.trafficlab.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulatedBalancers;
import io.trafficlab.engine.simulation.SimulationSettings;
import io.trafficlab.manifest.DeclaredManifests;
import io.trafficlab.manifest.DeclaredSetup;
import io.trafficlab.system.ClientRateLimiter;
import io.trafficlab.system.ClientRequests;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The live sandboxes, by id. An id is 128 random bits, base64url: the only handle on a
 * sandbox, so one sandbox's commands can never reach another's. Sandboxes nobody has used
 * or watched for {@code idle-timeout} end, and those nobody ever used for
 * {@code unused-idle-timeout}; past {@code max-live} live sandboxes, creation is refused,
 * and so is creation past a client's {@code creations-per-minute}.
 */
@Component
public class SandboxRegistry {

	private static final Logger logger = LoggerFactory.getLogger(SandboxRegistry.class);

	private static final int ID_BYTES = 16;

	private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();

	private final Map<String, ClusterDeclaration> presetDeclarations = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final SandboxProperties properties;

	private final SandboxCommandLimits limits;

	private final PresetCatalog presets;

	private final ClusterReader reader;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Duration unusedIdleTimeout;

	private final @Nullable ClientRateLimiter creations;

	private final ThisInstance instance;

	private final SandboxCreationProperties creationLimits;

	/**
	 * Without a limit per client, for tests; unused sandboxes live as long as used ones.
	 */
	SandboxRegistry(SandboxProperties properties, PresetCatalog presets, ClusterReader reader, Clock clock,
			ApplicationEventPublisher events) {
		this(properties, null, presets, reader, clock, events, ThisInstance.single());
	}

	/**
	 * With limits on creation per client and on sandboxes nobody uses.
	 */
	@Autowired
	SandboxRegistry(SandboxProperties properties, @Nullable SandboxCreationProperties creationLimits,
			PresetCatalog presets, ClusterReader reader, Clock clock, ApplicationEventPublisher events,
			ThisInstance instance) {
		this.instance = instance;
		this.creationLimits = (creationLimits != null) ? creationLimits : SandboxCreationProperties.defaults();
		this.creations = (creationLimits != null)
				? new ClientRateLimiter(creationLimits.creationsPerMinute(), creationLimits.creationBurst(), clock)
				: null;
		this.unusedIdleTimeout = (creationLimits != null) ? creationLimits.unusedIdleTimeout()
				: properties.idleTimeout();
		this.properties = properties;
		this.limits = SandboxCommandLimits.of(properties);
		this.presets = presets;
		this.reader = reader;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * A new sandbox running a preset.
	 * @param name the preset, or {@code null} for the default
	 * @param seed the random seed, or {@code null} for a random one
	 */
	public Sandbox createFromPreset(@Nullable String name, @Nullable Long seed) {
		return create(presetSource(name, seed));
	}

	/** A new sandbox running the manifests. */
	public Sandbox createFromManifests(String manifests, @Nullable Long seed) {
		return create(manifestSource(manifests, seed));
	}

	/**
	 * A new sandbox running a declared cluster, such as a challenge's start; reset starts
	 * it over the same way.
	 * @param seed the random seed, or {@code null} for a random one
	 * @param adjust changes to a new sandbox's settings (the LB model, the client rate,
	 * capped at {@code max-client-rate})
	 */
	public Sandbox createFromDeclaration(ClusterDeclaration declaration, @Nullable Long seed,
			UnaryOperator<SimulationSettings> adjust) {
		return createFromDeclaration(declaration, adjust.apply(settings(seed)));
	}

	/**
	 * A new sandbox reproducing a shared one: its cluster, policy, placement, seed, LB
	 * model, client rate and speed.
	 * @throws SandboxRequestException (400) for a value out of range
	 */
	Sandbox createFromShared(SharedState state) {
		if (!(state.rate() >= 0 && state.rate() <= this.properties.maxClientRate())
				|| !(state.speed() >= Sandbox.MIN_SPEED && state.speed() <= Sandbox.MAX_SPEED)) {
			throw SandboxRequestException.badValue("This Traffic Lab link is broken: its client rate or speed is out "
					+ "of range. Ask for a new link, or start from a preset.");
		}
		SimulationSettings settings = SimulationSettings.defaults()
			.withSeed(state.seed())
			.withLoadBalancer(state.lb())
			.withConnectionsPerSecond(state.rate());
		if (state.loadBalancer() != null) {
			settings = settings.withKind(state.loadBalancer());
		}
		if (state.dataplane() != null) {
			settings = settings.withDataplane(state.dataplane());
		}
		if (state.network() != null) {
			settings = settings.withNetwork(state.network());
		}
		try {
			SimulatedBalancers.check(settings.kind());
		}
		catch (IllegalArgumentException ex) {
			throw SandboxRequestException.badValue(
					"This Traffic Lab link names a load balancer the sandbox does not " + "model: " + ex.getMessage());
		}
		ClusterDeclaration declaration;
		try {
			declaration = this.reader.read(state.manifests());
		}
		catch (RuntimeException ex) {
			throw SandboxRequestException.badValue("This Traffic Lab link is broken: its manifests do not read ("
					+ ex.getMessage() + "). Ask for a new link, or start from a preset.");
		}
		Sandbox sandbox = create(new SandboxSource(declaration, settings, null));
		sandbox.speed(state.speed());
		return sandbox;
	}

	/**
	 * A new sandbox running a cluster declared elsewhere (a lesson step), with these
	 * settings; the client rate is capped at the sandbox limit.
	 */
	public Sandbox createFromDeclaration(ClusterDeclaration declaration, SimulationSettings settings) {
		return create(declared(declaration, settings));
	}

	/**
	 * Replaces a sandbox's simulation with one running a cluster declared elsewhere (a
	 * classroom moving to another lesson step), as {@link #createFromDeclaration} would
	 * start it.
	 */
	public void switchToDeclaration(Sandbox sandbox, ClusterDeclaration declaration, SimulationSettings settings) {
		sandbox.replace(declared(declaration, settings), this::start);
	}

	private SandboxSource declared(ClusterDeclaration declaration, SimulationSettings settings) {
		return new SandboxSource(declaration, settings.withConnectionsPerSecond(
				Math.min(settings.connectionsPerSecond(), this.properties.maxClientRate())), null);
	}

	/**
	 * A new sandbox reproducing a permalink's {@code s}.
	 * @throws SandboxRequestException (400) for a broken link
	 */
	public Sandbox createFromLink(String link) {
		return createFromShared(PermalinkCodec.decode(link));
	}

	/**
	 * The live sandbox with that id, marked as used.
	 * @throws SandboxRequestException (404) when there is none
	 */
	public Sandbox get(String id) {
		Sandbox sandbox = find(id).orElseThrow(() -> SandboxRequestException.notFound(whyMissing(id)));
		sandbox.touch(this.clock.instant());
		return sandbox;
	}

	/**
	 * Why there is no live sandbox with that id, in words for its user: it ended, or it
	 * lived on another instance, which is not answering (a load balancer sends a key of a
	 * live instance to that instance).
	 */
	public String whyMissing(String id) {
		return this.instance.otherOwnerOfSandbox(id)
			.map((owner) -> ThisInstance.sandboxGone(id, owner))
			.orElseGet(() -> "There is no sandbox \"" + id
					+ "\": it never existed or it ended (sandboxes end after a while without use). "
					+ "Start a new one (POST /api/v1/sandboxes), or open your permalink to carry on from the state "
					+ "you shared.");
	}

	/** The live sandbox with that id, if any, without marking it as used. */
	public Optional<Sandbox> find(String id) {
		return Optional.ofNullable(this.sandboxes.get(id));
	}

	/** Every live sandbox. */
	public Collection<Sandbox> live() {
		return List.copyOf(this.sandboxes.values());
	}

	public int size() {
		return this.sandboxes.size();
	}

	/** Marks a sandbox as used because somebody watches it. */
	public void keepAlive(Sandbox sandbox) {
		sandbox.touch(this.clock.instant());
	}

	/**
	 * Ends a sandbox at once, and the right side of its comparison with it; {@code false}
	 * when there was none.
	 */
	public boolean end(String id) {
		Sandbox sandbox = this.sandboxes.remove(id);
		if (sandbox == null) {
			return false;
		}
		ended(sandbox);
		return true;
	}

	private void ended(Sandbox sandbox) {
		Sandbox right = sandbox.stopComparing();
		this.events.publishEvent(new SandboxEnded(sandbox.id()));
		if (right != null && right != sandbox) {
			end(right.id());
		}
	}

	/**
	 * Starts comparing a sandbox with a new one from the same source and seed: the first
	 * under Cluster, the new one under Local, both started over.
	 * @return the new sandbox
	 * @throws SandboxRequestException (409) when the sandbox is compared already, (503)
	 * when no sandbox can be created
	 */
	Sandbox compare(Sandbox left) {
		Sandbox right = create(left.source());
		try {
			left.compareWith(right, this::start);
		}
		catch (RuntimeException ex) {
			end(right.id());
			throw ex;
		}
		return right;
	}

	/**
	 * Stops a sandbox's comparison and ends its right side.
	 * @throws SandboxRequestException (409) when the sandbox is not compared
	 */
	void stopComparing(Sandbox sandbox) {
		Sandbox right = sandbox.stopComparing();
		if (right == null) {
			throw SandboxRequestException.conflict("Sandbox " + sandbox.id() + " is not compared with another.");
		}
		end(right.id());
	}

	/**
	 * Ends every sandbox idle for longer than the idle timeout, and every one nobody has
	 * used for longer than the unused idle timeout; returns how many ended.
	 */
	public int endIdle() {
		Instant now = this.clock.instant();
		Instant cutoff = now.minus(this.properties.idleTimeout());
		Instant unusedCutoff = now.minus(this.unusedIdleTimeout);
		int ended = 0;
		for (Sandbox sandbox : live()) {
			Instant sandboxCutoff = sandbox.used() ? cutoff : unusedCutoff;
			if (sandbox.lastActive().isBefore(sandboxCutoff) && this.sandboxes.remove(sandbox.id(), sandbox)) {
				ended(sandbox);
				ended++;
			}
		}
		if (ended > 0) {
			logger.debug("Ended {} idle sandbox(es); {} live", ended, this.sandboxes.size());
		}
		return ended;
	}

	/** Replaces a sandbox's simulation with one running a preset. */
	public void switchToPreset(Sandbox sandbox, @Nullable String name) {
		sandbox.replace(presetSource(name, null), this::start);
	}

	/** Replaces a sandbox's simulation with one running the manifests. */
	public void switchToManifests(Sandbox sandbox, String manifests) {
		sandbox.replace(manifestSource(manifests, null), this::start);
	}

	/** Starts a sandbox's simulation over, with its seed. */
	public void reset(Sandbox sandbox) {
		sandbox.reset(this::start);
	}

	private Sandbox create(SandboxSource source) {
		endIdle();
		requireRoom();
		requireCreationAllowance();
		Simulation simulation = start(source);
		Sandbox sandbox;
		synchronized (this.sandboxes) {
			requireRoom();
			sandbox = new Sandbox(newId(), source, simulation, this.limits, this.properties.maxEventsPerBatch(),
					this.clock.instant());
			this.sandboxes.put(sandbox.id(), sandbox);
		}
		this.events.publishEvent(new SandboxCreated(sandbox.id()));
		return sandbox;
	}

	private void requireRoom() {
		if (this.sandboxes.size() >= this.properties.maxLive()) {
			throw SandboxRequestException.full(this.properties.maxLive());
		}
	}

	/** One creation from the current HTTP client's allowance (none outside a request). */
	private void requireCreationAllowance() {
		ClientRateLimiter limiter = this.creations;
		if (limiter == null) {
			return;
		}
		ClientRequests.currentClient().flatMap(limiter::acquire).ifPresent((wait) -> {
			throw SandboxRequestException.tooManyCreations(wait, this.creationLimits.creationsPerMinute(),
					this.creationLimits.creationBurst());
		});
	}

	private Simulation start(SandboxSource source) {
		this.limits.checkDeclared(source.declaration());
		Simulation simulation;
		try {
			simulation = Simulation.start(source.declaration(), source.settings());
		}
		catch (IllegalArgumentException ex) {
			throw SandboxRequestException.unprocessable(String.valueOf(ex.getMessage()));
		}
		this.limits.checkStarted(simulation.cluster());
		return simulation;
	}

	private SandboxSource presetSource(@Nullable String name, @Nullable Long seed) {
		Preset preset = this.presets.require(name);
		ClusterDeclaration declaration = this.presetDeclarations.computeIfAbsent(preset.name(),
				(key) -> this.reader.read(preset.manifests()));
		return new SandboxSource(declaration, settings(seed), preset.name());
	}

	private SandboxSource manifestSource(String manifests, @Nullable Long seed) {
		DeclaredManifests declared = this.reader.declared(manifests);
		return new SandboxSource(declared.declaration(), withSetup(settings(seed), declared.setup()), null);
	}

	/**
	 * The load balancer and dataplane the manifests name, as an exported sandbox's YAML
	 * does.
	 * @throws SandboxRequestException (400) for a load balancer the sandbox does not
	 * model
	 */
	private static SimulationSettings withSetup(SimulationSettings settings, DeclaredSetup setup) {
		SimulationSettings result = settings;
		LoadBalancerKind kind = setup.loadBalancer();
		if (kind != null) {
			try {
				SimulatedBalancers.check(kind);
			}
			catch (IllegalArgumentException ex) {
				throw SandboxRequestException.badValue("These manifests ask for " + kind.label()
						+ " (its controller's annotations or objects): " + ex.getMessage());
			}
			result = result.withKind(kind);
		}
		Dataplane dataplane = setup.dataplane();
		return (dataplane != null) ? result.withDataplane(dataplane) : result;
	}

	private SimulationSettings settings(@Nullable Long seed) {
		SimulationSettings defaults = SimulationSettings.defaults();
		return defaults.withSeed((seed != null) ? seed : this.random.nextLong())
			.withConnectionsPerSecond(Math.min(defaults.connectionsPerSecond(), this.properties.maxClientRate()));
	}

	private String newId() {
		byte[] bytes = new byte[ID_BYTES];
		String id;
		do {
			this.random.nextBytes(bytes);
			id = this.instance.sandboxId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
		}
		while (this.sandboxes.containsKey(id));
		return id;
	}

}
