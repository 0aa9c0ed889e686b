package io.trafficlab.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embeddable playground ({@code trafficlab.embed.*}).
 *
 * @param frameAncestors which sites may show {@code /embed} in a frame: the source list
 * of CSP {@code frame-ancestors}, e.g. {@code *} (any site, the default) or
 * {@code 'self' https://docs.example.com}
 */
@ConfigurationProperties("trafficlab.embed")
public record EmbedProperties(@DefaultValue("*") String frameAncestors) {

	public EmbedProperties {
		if (frameAncestors.isBlank() || frameAncestors.chars().anyMatch((c) -> c == ';' || c == ',' || c < ' ')) {
			throw new IllegalArgumentException("trafficlab.embed.frame-ancestors must be a CSP source list such as * "
					+ "or 'self' https://docs.example.com (no ';' or ','), not \"" + frameAncestors + "\"");
		}
	}

}
