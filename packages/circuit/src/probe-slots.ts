import { MAX_PROBE_SEQ } from './token.js';

/**
 * The half-open probe slots of one breaker: at most `size` probes at once, each holding a
 * lease that ends `leaseMs` after it was admitted. A free-slot stack makes admission O(1);
 * nothing allocates after construction.
 *
 * Leases are what keep half-open from wedging: a probe whose caller never reports back
 * (a lost promise, a bug, a process that swallowed the result) would otherwise hold its
 * slot forever, and with every slot held the breaker could never decide anything again
 * (the legacy LLM domain breaker's bug). Once a lease has ended the breaker treats the
 * probe as timed out and frees the slot; a late report for it is then ignored.
 *
 * Each probe gets a sequence number (1, 2, ...) that is never reused until {@link clear},
 * so a late report cannot free the slot of a newer probe that took it over.
 * @internal
 */
export class ProbeSlots {
  /** Probes currently running. */
  inFlight = 0;
  /** Successful probes since the breaker last became half-open. */
  successes = 0;
  /** The earliest lease end among running probes (`Infinity` when none run). */
  earliest = Infinity;
  private readonly leases: Float64Array;
  /** Sequence number held by each slot; 0 = free. */
  private readonly seqs: Int32Array;
  private readonly free: Int32Array;
  private freeTop = 0;
  private nextSeq = 1;

  /** Number of slots (`halfOpenMaxProbes`). */
  readonly size: number;

  constructor(size: number) {
    this.size = size;
    this.leases = new Float64Array(size);
    this.seqs = new Int32Array(size);
    this.free = new Int32Array(size);
    this.clear();
  }

  /** True when every sequence number of this period is used up (the period must restart). */
  get exhausted(): boolean {
    return this.nextSeq > MAX_PROBE_SEQ;
  }

  /** Takes a slot until `leaseEnd`; returns the probe's sequence number, or 0 when every slot is taken. */
  acquire(leaseEnd: number): number {
    if (this.freeTop === 0 || this.nextSeq > MAX_PROBE_SEQ) return 0;
    const index = this.free[--this.freeTop]!;
    const seq = this.nextSeq++;
    this.seqs[index] = seq;
    this.leases[index] = leaseEnd;
    this.inFlight++;
    if (leaseEnd < this.earliest) this.earliest = leaseEnd;
    return seq;
  }

  /** Frees the slot of probe `seq`. False when no running probe has it (stale, expired or repeated). */
  release(seq: number): boolean {
    if (seq <= 0) return false;
    const seqs = this.seqs;
    for (let index = 0; index < seqs.length; index++) {
      if (seqs[index] !== seq) continue;
      const lease = this.leases[index]!;
      this.freeSlot(index);
      if (lease === this.earliest) this.recomputeEarliest();
      return true;
    }
    return false;
  }

  /** Frees every slot whose lease ended at or before `now`; returns how many. */
  expire(now: number): number {
    if (now < this.earliest) return 0;
    let expired = 0;
    for (let index = 0; index < this.size; index++) {
      if (this.seqs[index] !== 0 && this.leases[index]! <= now) {
        this.freeSlot(index);
        expired++;
      }
    }
    this.recomputeEarliest();
    return expired;
  }

  /** Frees every slot, forgets the successes and restarts the sequence (a new half-open period). */
  clear(): void {
    this.seqs.fill(0);
    // Slot 0 on top of the stack: the first probe takes it.
    for (let i = 0; i < this.size; i++) this.free[i] = this.size - 1 - i;
    this.freeTop = this.size;
    this.inFlight = 0;
    this.successes = 0;
    this.earliest = Infinity;
    this.nextSeq = 1;
  }

  private freeSlot(index: number): void {
    this.seqs[index] = 0;
    this.free[this.freeTop++] = index;
    this.inFlight--;
  }

  private recomputeEarliest(): void {
    let earliest = Infinity;
    if (this.inFlight > 0) {
      for (let index = 0; index < this.size; index++) {
        if (this.seqs[index] !== 0 && this.leases[index]! < earliest) earliest = this.leases[index]!;
      }
    }
    this.earliest = earliest;
  }
}
