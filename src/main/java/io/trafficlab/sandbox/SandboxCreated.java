package io.trafficlab.sandbox;

/**
 * Published when a sandbox is created, so that the ticker starts if it was idle.
 *
 * @param id the new sandbox's id
 */
public record SandboxCreated(String id) {

}
