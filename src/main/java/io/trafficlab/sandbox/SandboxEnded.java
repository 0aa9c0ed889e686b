package io.trafficlab.sandbox;

/**
 * Published when a sandbox ends, deleted or idle for too long, so that whatever follows
 * it (a classroom room) ends too.
 *
 * @param id the ended sandbox's id
 */
public record SandboxEnded(String id) {

}
