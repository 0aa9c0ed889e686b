package io.trafficlab.sandbox;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.cluster.ClusterDeclaration;

/**
 * The one Service an edit of the sandbox's Service sends; anything else in the text is
 * refused, so that an edit never changes more than the Service.
 */
final class EditedService {

	private EditedService() {
	}

	static DeclaredService of(ClusterDeclaration declaration) {
		int others = declaration.nodes().size() + declaration.pods().size() + declaration.workloads().size()
				+ declaration.endpointSlices().size();
		if (declaration.services().size() != 1 || others > 0) {
			throw SandboxRequestException.badValue("Send exactly one object, the Service (apiVersion: v1, kind: "
					+ "Service), as YAML or JSON; the text holds " + declaration.services().size() + " Service(s)"
					+ ((others > 0) ? " and " + others + " other object(s)" : "") + ".");
		}
		return declaration.services().get(0);
	}

}
