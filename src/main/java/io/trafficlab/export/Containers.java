package io.trafficlab.export;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.LifecycleHandlerBuilder;
import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import io.trafficlab.engine.cluster.ContainerShutdown;
import io.trafficlab.engine.cluster.PodShutdown;
import io.trafficlab.engine.cluster.PreStopHook;

import org.jspecify.annotations.Nullable;

/**
 * The container every exported pod and pod template runs (the API server requires one):
 * Kubernetes' own test web server, listening on the first numeric {@code targetPort} of
 * the Services (8080 when there is none).
 */
final class Containers {

	private static final String IMAGE = "registry.k8s.io/e2e-test-images/agnhost:2.53";

	private final int port;

	private Containers(int port) {
		this.port = port;
	}

	static Containers serving(List<DeclaredService> services) {
		for (DeclaredService service : services) {
			for (DeclaredServicePort port : service.ports()) {
				String target = (port.targetPort() != null) ? port.targetPort() : String.valueOf(port.port());
				if (target.chars().allMatch(Character::isDigit) && !target.isEmpty()) {
					return new Containers(Integer.parseInt(target));
				}
			}
		}
		return new Containers(8080);
	}

	/**
	 * The pod's containers: those it declared, with their image, command line and
	 * {@code preStop} hook (what its shutdown depends on), else the test web server.
	 */
	List<Container> list(PodShutdown shutdown) {
		if (shutdown.containers().isEmpty()) {
			return List.of(new ContainerBuilder().withName("web")
				.withImage(IMAGE)
				.withArgs("netexec", "--http-port=" + this.port)
				.addNewPort()
				.withContainerPort(this.port)
				.endPort()
				.build());
		}
		List<Container> containers = new ArrayList<>();
		for (ContainerShutdown declared : shutdown.containers()) {
			ContainerBuilder container = new ContainerBuilder().withName(declared.name())
				.withImage((declared.image() != null) ? declared.image() : IMAGE)
				.withCommand(declared.command().isEmpty() ? null : declared.command())
				.withArgs(declared.args().isEmpty() ? null : declared.args())
				.withLifecycle(lifecycle(declared.preStop()));
			if (containers.isEmpty()) {
				container.addNewPort().withContainerPort(this.port).endPort();
			}
			containers.add(container.build());
		}
		return containers;
	}

	private @Nullable Lifecycle lifecycle(@Nullable PreStopHook preStop) {
		if (preStop == null) {
			return null;
		}
		LifecycleHandlerBuilder handler = new LifecycleHandlerBuilder();
		switch (preStop.handler()) {
			case "sleep" -> handler.withNewSleep(preStop.seconds());
			case "exec" -> handler.withNewExec().withCommand(preStop.command()).endExec();
			case "tcpSocket" -> handler.withNewTcpSocket().withNewPort(this.port).endTcpSocket();
			default -> handler.withNewHttpGet().withPath("/").withNewPort(this.port).endHttpGet();
		}
		return new LifecycleBuilder().withPreStop(handler.build()).build();
	}

}
