package io.trafficlab.api;

import io.trafficlab.system.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * An update names an object the cluster does not have: {@code 404}, worded as
 * kube-apiserver words it ({@code services "web" not found}).
 */
class ObjectNotFoundException extends RefusedRequestException {

	ObjectNotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

}
