package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.model.Fraction;

/**
 * The nodes that deliver SNATed external connections to the same endpoint set, with each
 * node's share, in node order.
 */
final class DeliveryGroup {

	private final EndpointSet set;

	private int[] nodeIndexes = new int[1];

	private final List<Fraction> shares = new ArrayList<>(1);

	private Fraction total = Fraction.ZERO;

	DeliveryGroup(EndpointSet set) {
		this.set = set;
	}

	void add(int nodeIndex, Fraction share) {
		int count = this.shares.size();
		if (count == this.nodeIndexes.length) {
			this.nodeIndexes = Arrays.copyOf(this.nodeIndexes, count * 2);
		}
		this.nodeIndexes[count] = nodeIndex;
		this.shares.add(share);
		this.total = this.total.plus(share);
	}

	EndpointSet set() {
		return this.set;
	}

	Fraction total() {
		return this.total;
	}

	int nodeCount() {
		return this.shares.size();
	}

	int nodeIndex(int i) {
		return this.nodeIndexes[i];
	}

	Fraction share(int i) {
		return this.shares.get(i);
	}

}
