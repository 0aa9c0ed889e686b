/**
 * The routing engine: a pure-Java model of how kube-proxy and the cloud load balancer
 * route external traffic to a Service. It imports nothing from Spring, the web layer or
 * the Kubernetes model library.
 */
@NullMarked
package io.trafficlab.engine;

import org.jspecify.annotations.NullMarked;
