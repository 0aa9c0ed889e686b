package io.trafficlab.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * A {@code POST} whose body is manifests ({@link ManifestRequestBody}), in any of the
 * media types the API reads them in: YAML under its three names, or JSON.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(method = RequestMethod.POST, consumes = { ManifestRequestBody.APPLICATION_YAML,
		ManifestRequestBody.TEXT_YAML, ManifestRequestBody.APPLICATION_X_YAML, ManifestRequestBody.APPLICATION_JSON })
@interface PostManifests {

	/** The path. */
	@AliasFor(annotation = RequestMapping.class, attribute = "path")
	String[] value();

}
