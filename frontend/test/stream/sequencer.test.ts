import { describe, expect, it } from 'vitest';
import type { EventBatch, SandboxSnapshot } from '../../src/protocol/events';
import { BatchSequencer } from '../../src/stream/sequencer';

function batch(seq: number, generation = 0): EventBatch {
	return { seq, generation, simTime: seq * 50_000, tickWallTime: 0, events: [], missed: {} };
}

function snapshot(seq: number, generation = 0): SandboxSnapshot {
	return {
		id: 'abc',
		generation,
		seq,
		paused: false,
		speed: 1,
		preset: 'two-pods-three-nodes',
		simulation: {
			now: 0, settings: { seed: 1, hopLatencyMicros: 500 }, nodes: [], pods: [],
			service: {} as SandboxSnapshot['simulation']['service'], clientIps: [], loadBalancer: 'even', loadBalancerKind: 'aws-nlb-instance',
			loadBalancerName: 'AWS NLB (instance targets)', dataplane: 'kube-proxy', network: 'bridge', announcingNode: null, advertisingNodes: [],
			spreadKnob: true, connectionsPerSecond: 50, connections: 0,
		},
		serviceYaml: '',
	};
}

function seqs(verdict: ReturnType<BatchSequencer['onBatch']>): number[] {
	return verdict.kind === 'apply' ? verdict.batches.map((b) => b.seq) : [];
}

describe('BatchSequencer', () => {
	it('buffers batches until the snapshot, then applies only those after it', () => {
		const sequencer = new BatchSequencer();
		expect(seqs(sequencer.onBatch(batch(4)))).toEqual([]);
		expect(seqs(sequencer.onBatch(batch(6)))).toEqual([]);
		expect(seqs(sequencer.onBatch(batch(5)))).toEqual([]);
		expect(seqs(sequencer.onSnapshot(snapshot(4)))).toEqual([5, 6]);
		expect(sequencer.lastAppliedSeq).toBe(6);
	});

	it('applies consecutive batches and ignores repeats', () => {
		const sequencer = new BatchSequencer();
		sequencer.onSnapshot(snapshot(10));
		expect(seqs(sequencer.onBatch(batch(11)))).toEqual([11]);
		expect(seqs(sequencer.onBatch(batch(11)))).toEqual([]);
		expect(seqs(sequencer.onBatch(batch(12)))).toEqual([12]);
	});

	it('asks for a snapshot when a batch is missing', () => {
		const sequencer = new BatchSequencer();
		sequencer.onSnapshot(snapshot(1));
		const verdict = sequencer.onBatch(batch(3));
		expect(verdict).toEqual({ kind: 'resync', reason: 'batches 2 to 2 were missed' });
		expect(sequencer.waitingForSnapshot).toBe(true);
		expect(seqs(sequencer.onBatch(batch(4)))).toEqual([]);
		expect(seqs(sequencer.onSnapshot(snapshot(3)))).toEqual([4]);
	});

	it('asks for a snapshot when the simulation was replaced', () => {
		const sequencer = new BatchSequencer();
		sequencer.onSnapshot(snapshot(7, 0));
		expect(sequencer.onBatch(batch(8, 1)).kind).toBe('resync');
		expect(seqs(sequencer.onSnapshot(snapshot(8, 1)))).toEqual([]);
		expect(seqs(sequencer.onBatch(batch(9, 1)))).toEqual([9]);
	});

	it('waits again after resync', () => {
		const sequencer = new BatchSequencer();
		sequencer.onSnapshot(snapshot(0));
		sequencer.resync();
		expect(seqs(sequencer.onBatch(batch(1)))).toEqual([]);
		expect(seqs(sequencer.onSnapshot(snapshot(0)))).toEqual([1]);
	});
});
