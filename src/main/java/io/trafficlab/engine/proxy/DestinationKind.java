package io.trafficlab.engine.proxy;

/**
 * Which of the Service's addresses a packet is sent to.
 */
public enum DestinationKind {

	CLUSTER_IP, NODE_PORT, LOAD_BALANCER_IP, EXTERNAL_IP

}
