package io.trafficlab.sandbox;

import java.util.List;

import io.trafficlab.api.RulesProxiers;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.system.ParameterChoices;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules a sandbox node's kube-proxy has programmed as of its last sync, and a routed
 * connection's path through them: what the playground's Rules panel shows.
 */
@RestController
@RequestMapping(SandboxDestinations.API + "/{id}/rules")
record SandboxRulesController(SandboxRegistry registry, RulesProxiers proxiers) {

	private static final List<String> SCOPES = List.of("all", "service");

	@GetMapping
	SandboxRulesJson.Rules rules(@PathVariable String id,
			@RequestParam(name = "node", required = false) @Nullable String node,
			@RequestParam(name = "mode", defaultValue = "iptables") String mode,
			@RequestParam(name = "scope", defaultValue = "service") String scope) {
		Sandbox sandbox = this.registry.get(id);
		String name = requiredNode(sandbox, node);
		ProxyMode rulesMode = CommandParameters.oneOf("mode", mode, ProxyMode.class);
		RulesScope rulesScope = everyService(scope) ? RulesScope.all() : new RulesScope(sandbox.service(), null, false);
		return SandboxRulesJson.Rules.of(sandbox.nodeRules(name, this.proxiers.writer(rulesMode), rulesScope));
	}

	@GetMapping("/path")
	SandboxRulesJson.Path path(@PathVariable String id,
			@RequestParam(name = "node", required = false) @Nullable String node,
			@RequestParam(name = "clientIp", required = false) @Nullable String clientIp,
			@RequestParam(name = "podIp", required = false) @Nullable String podIp,
			@RequestParam(name = "mode", defaultValue = "iptables") String mode) {
		Sandbox sandbox = this.registry.get(id);
		String name = requiredNode(sandbox, node);
		ProxyMode rulesMode = CommandParameters.oneOf("mode", mode, ProxyMode.class);
		String client = required("clientIp", clientIp, "the client address a ConnectionRouted event names");
		String pod = required("podIp", podIp, "the pod address a ConnectionRouted event names");
		return SandboxRulesJson.Path
			.of(sandbox.rulesWalk(name, this.proxiers.writer(rulesMode), this.proxiers.walker(rulesMode), client, pod));
	}

	/**
	 * {@code scope}: {@code service} (the followed Service's chains and the shared chains
	 * leading to them) or {@code all}.
	 */
	private static boolean everyService(String scope) {
		return switch (scope.trim()) {
			case "service" -> false;
			case "all" -> true;
			default -> throw SandboxRequestException.badValue(ParameterChoices.notOneOf("scope", SCOPES, scope));
		};
	}

	private static String requiredNode(Sandbox sandbox, @Nullable String node) {
		if (node == null || node.isBlank()) {
			List<String> names = sandbox.nodeNames();
			throw SandboxRequestException.badValue(ParameterChoices.required("node", names));
		}
		return node.trim();
	}

	private static String required(String name, @Nullable String value, String what) {
		if (value == null || value.isBlank()) {
			throw SandboxRequestException.badValue("Query parameter '" + name + "' is required: " + what + ".");
		}
		return value.trim();
	}

}
