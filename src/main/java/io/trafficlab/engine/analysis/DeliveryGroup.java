package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.model.Fraction;
import org.jspecify.annotations.Nullable;

/**
 * The nodes that deliver SNATed external connections to the same endpoint set, with each
 * node's share, in node order.
 */
final class DeliveryGroup {

	private final EndpointSet set;

	private int[] nodeIndexes = new int[1];

	private final List<Fraction> shares = new ArrayList<>(1);

	/** The sum of the shares, once asked for. */
	private @Nullable Fraction total;

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
		this.total = null;
	}

	EndpointSet set() {
		return this.set;
	}

	/**
	 * The sum of the shares. An LB gives most nodes the very same share instance, so a
	 * run of one instance is added as share x run: one exact step per run, not per node.
	 */
	Fraction total() {
		Fraction total = this.total;
		if (total == null) {
			total = Fraction.ZERO;
			int count = this.shares.size();
			for (int i = 0; i < count;) {
				Fraction share = this.shares.get(i);
				int run = 1;
				while (i + run < count && this.shares.get(i + run) == share) {
					run++;
				}
				total = total.plus((run == 1) ? share : share.times(Fraction.of(run, 1)));
				i += run;
			}
			this.total = total;
		}
		return total;
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
