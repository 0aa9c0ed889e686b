package io.trafficlab.engine.proxy;

/**
 * One step of a packet's path, with its headers after the step.
 *
 * @param at the node (or "client", "lb") where the step happens
 * @param step what kube-proxy's rules do here, in words
 * @param src the source {@code address:port} after the step
 * @param dst the destination {@code address:port} after the step
 */
public record TraceHop(String at, String step, String src, String dst) {

}
