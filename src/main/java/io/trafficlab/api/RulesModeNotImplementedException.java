package io.trafficlab.api;

import io.trafficlab.engine.rules.RulesMode;
import io.trafficlab.system.RefusedRequestException;

import org.springframework.http.HttpStatus;

/** {@code 501}: the sandbox does not write this proxier's rules (yet). */
class RulesModeNotImplementedException extends RefusedRequestException {

	RulesModeNotImplementedException(RulesMode mode) {
		super(HttpStatus.NOT_IMPLEMENTED, "mode=" + mode.apiName() + ": the sandbox does not write kube-proxy's "
				+ mode.apiName() + " rules yet; use mode=iptables.");
	}

}
