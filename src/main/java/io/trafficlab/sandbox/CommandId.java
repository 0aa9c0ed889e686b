package io.trafficlab.sandbox;

import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationCommand.AddNode;
import io.trafficlab.engine.simulation.SimulationCommand.CordonNode;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.DrainNode;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.RemoveNode;
import io.trafficlab.engine.simulation.SimulationCommand.RolloutRestart;
import io.trafficlab.engine.simulation.SimulationCommand.ScaleReplicas;
import io.trafficlab.engine.simulation.SimulationCommand.SetClientRate;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetInternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetDataplane;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerKind;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationCommand.SetNetwork;
import io.trafficlab.engine.simulation.SimulationCommand.SetSessionAffinity;
import io.trafficlab.engine.simulation.SimulationCommand.UpdateService;

/**
 * Which command a sandbox accepted, by a stable id that every command's answer carries
 * ({@link CommandOutcome}), so that a browser never has to tell commands apart by their
 * URLs. {@code frontend/src/protocol/commandOutcome.ts} lists the same ids.
 */
enum CommandId {

	PAUSE("pause"), RESUME("resume"), STEP("step"), SET_SPEED("setSpeed"), RESET("reset"),
	RESET_STATISTICS("resetStatistics"), MOVE_POD("movePod"), DELETE_POD("deletePod"), SCALE("scale"),
	ROLLOUT_RESTART("rolloutRestart"), ADD_NODE("addNode"), REMOVE_NODE("removeNode"), CORDON("cordon"),
	UNCORDON("uncordon"), DRAIN("drain"), KILL_NODE("killNode"),
	SET_EXTERNAL_TRAFFIC_POLICY("setExternalTrafficPolicy"), SET_INTERNAL_TRAFFIC_POLICY("setInternalTrafficPolicy"),
	SET_SESSION_AFFINITY("setSessionAffinity"), UPDATE_SERVICE("updateService"),
	SET_LOAD_BALANCER_MODEL("setLoadBalancerModel"), SET_LOAD_BALANCER_KIND("setLoadBalancerKind"),
	SET_DATAPLANE("setDataplane"), SET_NETWORK("setNetwork"), SET_CLIENT_RATE("setClientRate"),
	SWITCH_PRESET("switchPreset"), APPLY_MANIFESTS("applyManifests"), START_COMPARISON("startComparison"),
	STOP_COMPARISON("stopComparison");

	private final String id;

	CommandId(String id) {
		this.id = id;
	}

	/** The id as the answers spell it. */
	String id() {
		return this.id;
	}

	/** The id of a simulation command. */
	static CommandId of(SimulationCommand command) {
		if (command instanceof CordonNode cordon) {
			return cordon.cordoned() ? CORDON : UNCORDON;
		}
		if (command instanceof MovePod) {
			return MOVE_POD;
		}
		if (command instanceof DeletePod) {
			return DELETE_POD;
		}
		if (command instanceof ScaleReplicas) {
			return SCALE;
		}
		if (command instanceof RolloutRestart) {
			return ROLLOUT_RESTART;
		}
		if (command instanceof AddNode) {
			return ADD_NODE;
		}
		if (command instanceof RemoveNode) {
			return REMOVE_NODE;
		}
		if (command instanceof DrainNode) {
			return DRAIN;
		}
		if (command instanceof KillNode) {
			return KILL_NODE;
		}
		if (command instanceof SetExternalTrafficPolicy) {
			return SET_EXTERNAL_TRAFFIC_POLICY;
		}
		if (command instanceof SetInternalTrafficPolicy) {
			return SET_INTERNAL_TRAFFIC_POLICY;
		}
		if (command instanceof SetSessionAffinity) {
			return SET_SESSION_AFFINITY;
		}
		if (command instanceof UpdateService) {
			return UPDATE_SERVICE;
		}
		if (command instanceof SetLoadBalancerModel) {
			return SET_LOAD_BALANCER_MODEL;
		}
		if (command instanceof SetLoadBalancerKind) {
			return SET_LOAD_BALANCER_KIND;
		}
		if (command instanceof SetDataplane) {
			return SET_DATAPLANE;
		}
		if (command instanceof SetNetwork) {
			return SET_NETWORK;
		}
		if (command instanceof SetClientRate) {
			return SET_CLIENT_RATE;
		}
		throw new IllegalArgumentException("No id for the command " + command);
	}

}
