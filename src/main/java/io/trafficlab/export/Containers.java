package io.trafficlab.export;

import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;

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

	List<Container> list() {
		return List.of(new ContainerBuilder().withName("web")
			.withImage(IMAGE)
			.withArgs("netexec", "--http-port=" + this.port)
			.addNewPort()
			.withContainerPort(this.port)
			.endPort()
			.build());
	}

}
