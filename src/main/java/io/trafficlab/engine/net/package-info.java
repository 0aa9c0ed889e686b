/**
 * Addresses and prefixes: IPv4 and IPv6 parsing, CIDR matching, and IPv4 arithmetic for
 * allocating addresses.
 */
@NullMarked
package io.trafficlab.engine.net;

import org.jspecify.annotations.NullMarked;
