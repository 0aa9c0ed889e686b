/**
 * What the API server does to a Service before storing it (R21–R23): defaults, node port
 * allocation and validation, worded as kube-apiserver words it.
 */
@NullMarked
package io.trafficlab.engine.apiserver;

import org.jspecify.annotations.NullMarked;
