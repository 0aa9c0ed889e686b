package io.trafficlab.sandbox;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command ids: one for every simulation command, and the two hand-written mirrors
 * (frontend/src/protocol/commandOutcome.ts and docs/sandbox-api.md) list the same ids and
 * outcome fields.
 */
class CommandIdTests {

	private static final Pattern QUOTED = Pattern.compile("'([A-Za-z]+)'");

	@Test
	void everySimulationCommandShouldHaveAnId() {
		List<SimulationCommand> samples = List.of(new SimulationCommand.MovePod("p", "n"),
				new SimulationCommand.DeletePod("p"), new SimulationCommand.ScaleReplicas(1),
				new SimulationCommand.RolloutRestart(), new SimulationCommand.AddNode(null),
				new SimulationCommand.RemoveNode("n"), new SimulationCommand.CordonNode("n", true),
				new SimulationCommand.CordonNode("n", false), new SimulationCommand.DrainNode("n"),
				new SimulationCommand.KillNode("n"),
				new SimulationCommand.SetExternalTrafficPolicy(TrafficPolicy.LOCAL),
				new SimulationCommand.SetInternalTrafficPolicy(TrafficPolicy.LOCAL),
				new SimulationCommand.SetSessionAffinity(null), new SimulationCommand.UpdateService(null),
				new SimulationCommand.SetLoadBalancerModel(null), new SimulationCommand.SetLoadBalancerKind(null),
				new SimulationCommand.SetDataplane(null), new SimulationCommand.SetNetwork(null),
				new SimulationCommand.SetClientRate(1));
		assertThat(samples.stream().map(Object::getClass).distinct())
			.containsExactlyInAnyOrder(SimulationCommand.class.getPermittedSubclasses());
		assertThat(samples.stream().map(CommandId::of).distinct()).hasSameSizeAs(samples);
	}

	@Test
	void theTypeScriptMirrorShouldListExactlyTheIds() throws IOException {
		String protocol = Files.readString(Path.of("frontend", "src", "protocol", "commandOutcome.ts"));
		int start = protocol.indexOf("export type CommandId =");
		String union = protocol.substring(start, protocol.indexOf(';', start));
		List<String> mirrored = new ArrayList<>();
		Matcher matcher = QUOTED.matcher(union);
		while (matcher.find()) {
			mirrored.add(matcher.group(1));
		}
		assertThat(mirrored).containsExactlyInAnyOrderElementsOf(ids());
		String outcome = protocol.substring(protocol.indexOf("export interface CommandOutcome"));
		for (RecordComponent component : CommandOutcome.class.getRecordComponents()) {
			assertThat(outcome).as("commandOutcome.ts names " + component.getName())
				.contains(component.getName() + ":");
		}
	}

	@Test
	void theDocsShouldNameEveryIdAndField() throws IOException {
		String docs = Files.readString(Path.of("docs", "sandbox-api.md"));
		for (String id : ids()) {
			assertThat(docs).as("docs/sandbox-api.md names " + id).contains("`" + id + "`");
		}
		for (RecordComponent component : CommandOutcome.class.getRecordComponents()) {
			assertThat(docs).as("docs/sandbox-api.md names " + component.getName())
				.contains("`" + component.getName() + "`");
		}
	}

	private static List<String> ids() {
		return Arrays.stream(CommandId.values()).map(CommandId::id).toList();
	}

}
