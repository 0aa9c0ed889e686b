/**
 * What a node's kube-proxy does with one packet (R8–R15): DNAT candidates, masquerade,
 * DROP or REJECT, and the source address the pod sees.
 */
@NullMarked
package io.trafficlab.engine.proxy;

import org.jspecify.annotations.NullMarked;
