package io.trafficlab.engine.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.apiserver.ObjectValidation;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.scheduling.Placement;
import io.trafficlab.engine.scheduling.PodRequirements;
import io.trafficlab.engine.scheduling.Scheduler;

import org.jspecify.annotations.Nullable;

/**
 * Turns declared Pods and workloads into placed pods, in placement order: declared Pods
 * first (those without a node and without status are scheduled), then each workload that
 * is not already represented by its pods, expanded and scheduled replica by replica.
 */
final class PodPlanner {

	private final List<String> warnings;

	private final Scheduler scheduler;

	private final PodNames names = new PodNames();

	private final List<PodDraft> pods = new ArrayList<>();

	PodPlanner(List<Node> nodes, List<String> warnings) {
		this.warnings = warnings;
		this.scheduler = new Scheduler(nodes);
	}

	List<PodDraft> plan(ClusterDeclaration declaration) {
		Ownership ownership = new Ownership(declaration);
		List<DeclaredWorkload> expanded = declaration.workloads().stream().filter(ownership::expands).toList();
		long planned = declaration.pods().size();
		for (DeclaredWorkload workload : expanded) {
			validate(workload);
			planned += (workload.kind() != WorkloadKind.DAEMON_SET) ? workload.replicaCount() : 0;
		}
		ClusterLimits.checkPods(planned);
		scheduleDeclaredPods(addDeclaredPods(declaration.pods()));
		for (DeclaredWorkload workload : expanded) {
			expand(workload);
			ClusterLimits.checkPods(this.pods.size());
		}
		return this.pods;
	}

	/**
	 * Adds the declared pods; returns those the scheduler must place, each with its
	 * draft.
	 */
	private Map<DeclaredPod, PodDraft> addDeclaredPods(List<DeclaredPod> declared) {
		Set<String> seen = new HashSet<>();
		Map<DeclaredPod, PodDraft> toSchedule = new LinkedHashMap<>();
		for (DeclaredPod pod : declared) {
			DeclaredPodStatus declaredStatus = pod.status();
			ObjectValidation.validatePod(pod.namespace(), pod.name(), pod.labels(), pod.scheduling().nodeName(),
					pod.scheduling().nodeSelector(), pod.scheduling().spreadConstraints(),
					(declaredStatus != null) ? declaredStatus.podIp() : null);
			if (!seen.add(pod.namespace() + "/" + pod.name())) {
				throw new InvalidObjectException(List.of("pods \"" + pod.name() + "\" already exists"));
			}
			this.names.reserve(pod.namespace(), pod.name());
			String nodeName = pod.scheduling().nodeName();
			DeclaredPodStatus status = pod.status();
			PodDraft draft = new PodDraft(pod.namespace(), pod.name(), pod.labels(), nodeName,
					(status != null) ? status.podIp() : null, status == null || status.ready(), pod.terminating(),
					status != null && status.finished(), status == null);
			if (nodeName != null) {
				this.scheduler.recordPod(pod.namespace(), pod.labels(), nodeName, pod.terminating());
			}
			else if (status == null) {
				toSchedule.put(pod, draft);
			}
			this.pods.add(draft);
		}
		return toSchedule;
	}

	/**
	 * Schedules declared pods in order; a run of pods with the same labels and spec is
	 * placed in one round.
	 */
	private void scheduleDeclaredPods(Map<DeclaredPod, PodDraft> toSchedule) {
		List<DeclaredPod> run = new ArrayList<>();
		for (DeclaredPod pod : toSchedule.keySet()) {
			if (!run.isEmpty() && !sameTemplate(run.get(0), pod)) {
				scheduleRun(run, toSchedule);
				run.clear();
			}
			run.add(pod);
		}
		if (!run.isEmpty()) {
			scheduleRun(run, toSchedule);
		}
	}

	private void scheduleRun(List<DeclaredPod> run, Map<DeclaredPod, PodDraft> drafts) {
		DeclaredPod first = run.get(0);
		LabelSelector own = first.labels().isEmpty() ? null : LabelSelector.of(first.labels());
		List<Placement> placements = this.scheduler
			.schedule(requirements(first.namespace(), first.labels(), first.scheduling(), own), run.size());
		for (int i = 0; i < run.size(); i++) {
			DeclaredPod pod = run.get(i);
			Placement placement = placements.get(i);
			drafts.get(pod).nodeName = placement.nodeName();
			if (placement.pending()) {
				this.warnings
					.add("Pod " + pod.namespace() + "/" + pod.name() + " stays Pending: " + placement.pendingReason());
			}
		}
	}

	private static boolean sameTemplate(DeclaredPod a, DeclaredPod b) {
		return a.namespace().equals(b.namespace()) && a.labels().equals(b.labels())
				&& a.scheduling().equals(b.scheduling());
	}

	private void expand(DeclaredWorkload workload) {
		Map<String, String> labels = new LinkedHashMap<>(workload.templateLabels());
		String prefix = workload.name();
		if (workload.kind() == WorkloadKind.DEPLOYMENT) {
			String hash = PodNames.templateHash(workload);
			labels.put("pod-template-hash", hash);
			prefix = workload.name() + "-" + hash;
		}
		PodRequirements requirements = requirements(workload.namespace(), labels, workload.scheduling(),
				workload.selector());
		List<Placement> placements = (workload.kind() == WorkloadKind.DAEMON_SET)
				? this.scheduler.scheduleDaemonSet(requirements)
				: this.scheduler.schedule(requirements, workload.replicaCount());
		int pending = 0;
		String reason = null;
		for (int i = 0; i < placements.size(); i++) {
			Placement placement = placements.get(i);
			String name = name(workload, prefix, i, placement);
			Map<String, String> podLabels = labels;
			if (workload.kind() == WorkloadKind.STATEFUL_SET) {
				podLabels = new LinkedHashMap<>(labels);
				podLabels.put("statefulset.kubernetes.io/pod-name", name);
				podLabels.put("apps.kubernetes.io/pod-index", String.valueOf(i));
			}
			this.pods.add(new PodDraft(workload.namespace(), name, podLabels, placement.nodeName(), null, true, false,
					false, true));
			if (placement.pending()) {
				pending++;
				reason = placement.pendingReason();
			}
		}
		if (pending > 0) {
			this.warnings.add(workload.describe() + ": " + pending + " of " + placements.size()
					+ " pod(s) stay Pending: " + reason);
		}
	}

	private String name(DeclaredWorkload workload, String prefix, int index, Placement placement) {
		return switch (workload.kind()) {
			case STATEFUL_SET -> this.names.ordinal(workload.namespace(), prefix, index);
			case DAEMON_SET -> this.names.generated(workload.namespace(), prefix,
					(placement.nodeName() != null) ? placement.nodeName() : "pending-" + index);
			default -> this.names.generated(workload.namespace(), prefix, String.valueOf(index));
		};
	}

	private static PodRequirements requirements(String namespace, Map<String, String> labels, PodScheduling scheduling,
			@Nullable LabelSelector owner) {
		return new PodRequirements(namespace, labels, scheduling.nodeName(), scheduling.nodeSelector(),
				scheduling.tolerations(), scheduling.spreadConstraints(), owner);
	}

	private static void validate(DeclaredWorkload workload) {
		ObjectValidation.validateWorkload(workload.kind().apiName() + ".apps", workload.namespace(), workload.name(),
				(workload.kind() != WorkloadKind.DAEMON_SET) ? workload.replicas() : null, workload.selector(),
				workload.templateLabels(), workload.scheduling().nodeSelector(),
				workload.scheduling().spreadConstraints());
	}

}
