/**
 * Which server this is when Traffic Lab runs as several: each instance mints its own
 * one-symbol name into every sandbox id and room code it creates, so that a load balancer
 * routes any request to the owner from the key alone, with no table to learn or lose.
 * Instances share nothing but the message broker (see the stream package).
 */
@NullMarked
package io.trafficlab.cluster;

import org.jspecify.annotations.NullMarked;
