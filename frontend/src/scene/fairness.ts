// The fairness line: the busiest pod's share, and the largest pod share over the smallest, exact beside observed.
import type { SimulationStatistics } from '../protocol/events';
import { compare, divide, formatFraction, parseFraction, percent, type Fraction } from './fraction';

export interface FairnessLine {
	busiestPod: string | null;
	busiestExact: string | null;
	busiestObserved: string | null;
	ratioExact: string | null;
	ratioObserved: string | null;
	text: string;
}

export function fairnessLine(stats: SimulationStatistics): FairnessLine {
	const shares = stats.pods
		.map((pod) => ({ pod: pod.pod, share: parseFraction(pod.exactShare) }))
		.filter((row): row is { pod: string; share: Fraction } => row.share !== null && row.share.n > 0);
	if (shares.length === 0) {
		return {
			busiestPod: null, busiestExact: null, busiestObserved: null, ratioExact: null, ratioObserved: null,
			text: 'No pod receives external traffic.',
		};
	}
	const sorted = [...shares].sort((a, b) => compare(b.share, a.share) || a.pod.localeCompare(b.pod));
	const busiest = sorted[0];
	const smallest = sorted[sorted.length - 1];
	const ratio = divide(busiest.share, smallest.share);
	const observed = stats.observedFairness;
	const busiestObserved = stats.pods.find((pod) => pod.pod === busiest.pod)?.observedShare;
	const line: FairnessLine = {
		busiestPod: busiest.pod,
		busiestExact: formatFraction(busiest.share),
		busiestObserved: busiestObserved === undefined || stats.connections === 0 ? null : percent(busiestObserved),
		ratioExact: ratio === null ? null : formatFraction(ratio),
		ratioObserved: observed.maxOverMin === null || stats.connections === 0 ? null : observed.maxOverMin.toFixed(2),
		text: '',
	};
	line.text = `Busiest pod ${line.busiestPod}: ${line.busiestExact} of new connections exactly`
		+ `${line.busiestObserved === null ? '' : `, ${line.busiestObserved} observed`}. `
		+ `Largest pod share over smallest: ${line.ratioExact ?? '—'} exactly`
		+ `${line.ratioObserved === null ? '' : `, ${line.ratioObserved} observed`}.`;
	return line;
}
