/**
 * The rules kube-proxy writes on one node, as its iptables and nftables proxiers write
 * them (chain names, comments, order, probabilities), generated from the same endpoint
 * decisions the packet tracer and the analyzer use, and a small interpreter that walks a
 * packet through them.
 */
@NullMarked
package io.trafficlab.engine.rules;

import org.jspecify.annotations.NullMarked;
