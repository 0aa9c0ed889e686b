/**
 * The live sandbox: one running simulation per browser tab, created from a preset or
 * pasted manifests, driven by plain HTTP commands under {@code /api/v1/sandboxes/{id}}
 * and ended after a while without use.
 */
@NullMarked
package io.trafficlab.sandbox;

import org.jspecify.annotations.NullMarked;
