/**
 * The transaction kube-proxy's nftables proxier sends for one node ({@code table ip
 * kube-proxy}), as Kubernetes 1.34's {@code pkg/proxy/nftables} writes it and its golden
 * test {@code TestOverallNFTablesRules} shows it, and a small interpreter of those rules
 * in the spirit of upstream's {@code nftablesTracer}.
 */
@NullMarked
package io.trafficlab.engine.rules.nftables;

import org.jspecify.annotations.NullMarked;
