// The fairness line: the busiest pod's share, and the largest pod share over the smallest, exact beside observed.
// The server computes both (over the pods that can serve); this only puts its values into words.
import type { SimulationStatistics } from '../protocol/events';
import { percent } from '../scene/fraction';

export interface FairnessLine {
	busiestPod: string | null;
	busiestExact: string | null;
	busiestObserved: string | null;
	ratioExact: string | null;
	ratioObserved: string | null;
	text: string;
}

export function fairnessLine(stats: SimulationStatistics): FairnessLine {
	const exact = stats.exactFairness;
	if (exact.busiestPod === null) {
		return {
			busiestPod: null, busiestExact: null, busiestObserved: null, ratioExact: null, ratioObserved: null,
			text: 'No pod receives external traffic.',
		};
	}
	const observed = stats.observedFairness;
	const busiestObserved = stats.pods.find((pod) => pod.pod === exact.busiestPod)?.observedShare;
	const line: FairnessLine = {
		busiestPod: exact.busiestPod,
		busiestExact: exact.busiestShare,
		busiestObserved: busiestObserved === undefined || stats.connections === 0 ? null : percent(busiestObserved),
		ratioExact: exact.maxOverMin,
		ratioObserved: observed.maxOverMin === null || stats.connections === 0 ? null : observed.maxOverMin.toFixed(2),
		text: '',
	};
	line.text = `Busiest pod ${line.busiestPod}: ${line.busiestExact} of new connections exactly`
		+ `${line.busiestObserved === null ? '' : `, ${line.busiestObserved} observed`}. `
		+ `Largest pod share over smallest: ${line.ratioExact ?? '—'} exactly`
		+ `${line.ratioObserved === null ? '' : `, ${line.ratioObserved} observed`}.`;
	return line;
}
