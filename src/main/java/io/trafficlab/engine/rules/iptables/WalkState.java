package io.trafficlab.engine.rules.iptables;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.rules.MatchedRule;
import io.trafficlab.engine.rules.WalkedPacket;
import org.jspecify.annotations.Nullable;

/**
 * A packet on its way through the rules: its fields, the mark, the DNAT so far and the
 * rules it matched.
 */
final class WalkState {

	final WalkedPacket packet;

	final @Nullable IpAddress source;

	final @Nullable IpAddress destination;

	final List<MatchedRule> matched = new ArrayList<>();

	long mark;

	@Nullable String dnatTo;

	/** Whether the packet was DNATed ({@code --ctstate DNAT}). */
	boolean dnat;

	/**
	 * Whether a probabilistic rule has already been taken when no endpoint was asked for.
	 */
	boolean randomChoiceTaken;

	WalkState(WalkedPacket packet) {
		this.packet = packet;
		this.source = IpAddress.tryParse(packet.sourceIp());
		this.destination = IpAddress.tryParse(packet.destinationIp());
	}

}
