/**
 * What the client knows about its position in the user's event stream, and the rules that
 * keep it exactly-once across reconnects: an event at or below `lastSeq` is a duplicate
 * (already seen on an earlier connection) and is dropped; coalesced seqs count as seen;
 * a resync moves the position to where the server continues.
 */
export class SeqTracker {
  private last: number | undefined;
  /** Events accepted. */
  accepted = 0;
  /** Events dropped as duplicates. */
  duplicates = 0;
  /** Seqs the server reported as coalesced. */
  coalesced = 0;
  /** Times an accepted event's seq was not `lastSeq + 1` while the stream was unfiltered. */
  gaps = 0;

  constructor(lastSeq?: number) {
    this.last = lastSeq;
  }

  /** Highest seq seen (undefined until the first `rel.resumed` or event). */
  get lastSeq(): number | undefined {
    return this.last;
  }

  /**
   * Whether the event with `seq` is new (then it becomes the last seen). `contiguous`
   * says whether every seq of the stream is expected (no thread filter), to count gaps.
   */
  accept(seq: number, contiguous: boolean): boolean {
    const last = this.last;
    if (last !== undefined && seq <= last) {
      this.duplicates++;
      return false;
    }
    if (contiguous && last !== undefined && seq !== last + 1) this.gaps++;
    this.last = seq;
    this.accepted++;
    return true;
  }

  /** The server skipped these coalescible seqs (a newer event of their run follows). */
  skip(seqs: readonly number[]): void {
    for (const seq of seqs) {
      if (this.last === undefined || seq > this.last) {
        this.last = seq;
        this.coalesced++;
      }
    }
  }

  /** The server confirmed the position (`rel.resumed`) or moved it (`rel.resync_required`). */
  moveTo(lastSeq: number): void {
    this.last = lastSeq;
  }
}
