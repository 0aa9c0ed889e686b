package io.trafficlab.engine.model;

/**
 * A Service's namespace and name.
 *
 * @param namespace the namespace
 * @param name the name
 */
public record ServiceRef(String namespace, String name) implements Comparable<ServiceRef> {

	@Override
	public int compareTo(ServiceRef other) {
		int byNamespace = this.namespace.compareTo(other.namespace);
		return (byNamespace != 0) ? byNamespace : this.name.compareTo(other.name);
	}

	@Override
	public String toString() {
		return this.namespace + "/" + this.name;
	}

}
