package io.trafficlab.cluster;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * This server: the only one, or one named instance of several. It mints its name into new
 * keys and tells a key of another instance's apart, which reaches it only when that
 * instance is not answering (a load balancer routes every key to its owner while the
 * owner is up).
 */
public final class ThisInstance {

	private final @Nullable InstanceId id;

	private ThisInstance(@Nullable InstanceId id) {
		this.id = id;
	}

	/** The only instance: keys name no owner. */
	public static ThisInstance single() {
		return new ThisInstance(null);
	}

	/** One of several, by name. */
	public static ThisInstance named(InstanceId id) {
		return new ThisInstance(id);
	}

	/** This instance's name, unless it is the only one. */
	public Optional<InstanceId> id() {
		return Optional.ofNullable(this.id);
	}

	/**
	 * A new sandbox id from its random part: with this instance's name in front, if any.
	 */
	public String sandboxId(String random) {
		return (this.id != null) ? this.id.sandboxId(random) : random;
	}

	/**
	 * The instance that created a sandbox, when that is not this one; empty for this
	 * instance's own ids and for the only instance.
	 */
	public Optional<InstanceId> otherOwnerOfSandbox(String sandboxId) {
		InstanceId self = this.id;
		if (self == null) {
			return Optional.empty();
		}
		return InstanceId.ownerOfSandbox(sandboxId).filter((owner) -> !self.is(owner));
	}

	/**
	 * The instance that opened a room, when that is not this one; empty for this
	 * instance's own codes and for the only instance.
	 */
	public Optional<InstanceId> otherOwnerOfRoom(String canonicalCode) {
		InstanceId self = this.id;
		if (self == null) {
			return Optional.empty();
		}
		InstanceId owner = InstanceId.ownerOfRoom(canonicalCode);
		return self.is(owner) ? Optional.empty() : Optional.of(owner);
	}

	/**
	 * Why a sandbox of another instance's cannot be reached here, in words for its user.
	 */
	public static String sandboxGone(String sandboxId, InstanceId owner) {
		return "Sandbox \"" + sandboxId + "\" lived on server " + owner + ", which is not answering (it stopped or "
				+ "restarted), so the sandbox has ended. Start a new one, or open your permalink to carry on "
				+ "from the state you shared.";
	}

	@Override
	public String toString() {
		return (this.id != null) ? "instance " + this.id : "the only instance";
	}

}
