package io.trafficlab.engine.balancer;

/**
 * Where a figure the engine uses comes from: the upstream file and function (or the
 * documentation page's title), its address at a tag or commit, and that version. The
 * {@code /sources} page lists them beside the figures they back.
 *
 * @param source the file and function, or the page's title
 * @param url the address, at a tag or commit for code
 * @param version the tag, commit or date it was read at
 */
public record Citation(String source, String url, String version) {

	static final String AWS_LBC = "225f44568848eb25f13e304a5f1cc68c0cd9415d";

	static final String CLOUD_PROVIDER_AWS = "63ec440c3275321b55afa45480e2fdfd2b0e93c4";

	static final String CLOUD_PROVIDER_GCP = "4e24531247d7f37b936881c0a5c186ffc8cd72d1";

	static final String INGRESS_GCE = "acbcf5d66dd9d31297a2a52a2d7d83d4c1a94539";

	static final String CLOUD_PROVIDER_AZURE = "7b31c76ce2ff602cc2dfec988744d8d0534b448c";

	/** MetalLB's release tag read for the speakers and the BGP session. */
	public static final String METALLB = "v0.15.3";

	/** The Kubernetes release tag read for kube-proxy and the API server. */
	public static final String KUBERNETES = "v1.34.0";

	/**
	 * A file of {@code repository} (owner/name) at {@code commit}, cited by the first 12
	 * characters of a commit hash or by a tag.
	 */
	public static Citation github(String repository, String commit, String path, String function) {
		String version = (commit.length() == 40) ? commit.substring(0, 12) : commit;
		return new Citation(repository + " " + path + ((function.isEmpty()) ? "" : ", " + function),
				"https://github.com/" + repository + "/blob/" + commit + "/" + path, version);
	}

	/** A file of kubernetes/kubernetes at {@link #KUBERNETES}. */
	public static Citation kubernetes(String path, String function) {
		return github("kubernetes/kubernetes", KUBERNETES, path, function);
	}

}
