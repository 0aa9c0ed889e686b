package io.trafficlab.analyzer;

import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page address that shows a result again: the example (when the manifests are one,
 * unedited) with the load balancer always named, so that opening it analyzes at once;
 * otherwise only the choices that differ from the defaults.
 */
final class ShareableQuery {

	private ShareableQuery() {
	}

	static String of(AnalyzeForm form, Optional<ManifestExample> example) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/analyze");
		example.ifPresent((found) -> uri.queryParam("example", found.name()));
		if (example.isPresent() || !form.genericLoadBalancer()) {
			uri.queryParam("loadBalancer", form.loadBalancerOrDefault());
		}
		if (!AnalyzeForm.DEFAULT_DATAPLANE.equals(form.dataplaneOrDefault())) {
			uri.queryParam("dataplane", form.dataplaneOrDefault());
		}
		if (!AnalyzeForm.DEFAULT_NETWORK.equals(form.networkOrDefault())) {
			uri.queryParam("network", form.networkOrDefault());
		}
		if (form.genericLoadBalancer() && !AnalyzeForm.DEFAULT_LB.equals(form.lbOrDefault())) {
			uri.queryParam("lb", form.lbOrDefault());
		}
		if (!form.clientIpText().isEmpty()) {
			uri.queryParam("clientIp", form.clientIpText());
		}
		return uri.encode().build().toUriString();
	}

}
