// Orders what the stream delivers against the snapshot it started from. Batches are numbered without gaps per
// sandbox (seq); a snapshot says which batch it already includes. The sequencer buffers batches until a snapshot is
// there, drops those the snapshot already shows, and asks for a new snapshot when a batch is missing (the server
// drops messages for a slow browser) or the simulation was replaced (a new generation).
import type { EventBatch, SandboxSnapshot } from '../protocol/events';

export type Verdict =
	| { kind: 'apply'; batches: EventBatch[] }
	| { kind: 'resync'; reason: string };

/** At most this many batches wait for a snapshot; a snapshot always comes much sooner. */
const MAX_BUFFERED = 400;

export class BatchSequencer {
	private lastSeq = 0;
	private generation = -1;
	private waiting = true;
	private buffered: EventBatch[] = [];

	/** Whether the sequencer waits for a snapshot. */
	get waitingForSnapshot(): boolean {
		return this.waiting;
	}

	/** The number of the last batch applied (or included in the snapshot). */
	get lastAppliedSeq(): number {
		return this.lastSeq;
	}

	/** Forget the current state: everything waits for the next snapshot. */
	resync(): void {
		this.waiting = true;
	}

	onSnapshot(snapshot: SandboxSnapshot): Verdict {
		this.lastSeq = snapshot.seq;
		this.generation = snapshot.generation;
		this.waiting = false;
		const pending = this.buffered.sort((a, b) => a.seq - b.seq);
		this.buffered = [];
		return this.accept(pending);
	}

	onBatch(batch: EventBatch): Verdict {
		if (this.waiting) {
			this.buffered.push(batch);
			if (this.buffered.length > MAX_BUFFERED) {
				this.buffered.shift();
			}
			return { kind: 'apply', batches: [] };
		}
		return this.accept([batch]);
	}

	private accept(batches: EventBatch[]): Verdict {
		const applied: EventBatch[] = [];
		for (const batch of batches) {
			if (batch.seq <= this.lastSeq) {
				continue;
			}
			if (batch.generation !== this.generation) {
				return this.fail(`the simulation was replaced (generation ${batch.generation})`);
			}
			if (batch.seq !== this.lastSeq + 1) {
				return this.fail(`batches ${this.lastSeq + 1} to ${batch.seq - 1} were missed`);
			}
			applied.push(batch);
			this.lastSeq = batch.seq;
		}
		return { kind: 'apply', batches: applied };
	}

	private fail(reason: string): Verdict {
		this.waiting = true;
		this.buffered = [];
		return { kind: 'resync', reason };
	}
}
