/** One event as the server keeps it: serialized once, shared by every connection. */
export interface BufferedEvent {
  readonly seq: number;
  /** The UTF-8 JSON frame, sent as-is to every connection (no per-socket re-encoding). */
  readonly data: Buffer;
  /** When it was appended, on the server's clock. */
  readonly at: number;
  readonly runId: string;
  readonly threadId: string | undefined;
  /** `run_id` + type for coalescible events; `undefined` for critical ones. */
  readonly coalesceKey: string | undefined;
  /** Seq of a newer event of the same run and type, once one arrived (0: none yet). */
  supersededBy: number;
  /** Bytes of every event appended to this stream so far, this one included. */
  readonly cumulativeBytes: number;
}

const INITIAL_CAPACITY = 16;

/** Bounds of a {@link ReplayBuffer}. */
export interface ReplayLimits {
  readonly maxEvents: number;
  readonly maxBytes: number;
  readonly maxAgeMs: number;
}

/** Bytes held by every replay buffer of one server (shared by them, kept by {@link ReplayBuffer}). */
export interface ByteLedger {
  bytes: number;
}

/**
 * A user's recent events, contiguous in `seq`, bounded by count, bytes and age: a ring
 * indexed by `seq - oldestSeq`, so lookup by seq, append and eviction are all O(1).
 * The newest event is always kept, even when it alone exceeds `maxBytes`.
 */
export class ReplayBuffer {
  // Grows by doubling up to `maxEvents`, so a user with few events costs a few slots.
  private ring: (BufferedEvent | undefined)[];
  private start = 0;
  private count = 0;
  private bytes = 0;

  private readonly limits: ReplayLimits;
  private readonly onEvict: (event: BufferedEvent) => void;
  private readonly ledger: ByteLedger;

  /**
   * `onEvict` is called with each event as it leaves the buffer, oldest first. `ledger`
   * (optional) is the server-wide byte count this buffer adds to and takes from.
   */
  constructor(
    limits: ReplayLimits,
    onEvict: (event: BufferedEvent) => void,
    ledger: ByteLedger = { bytes: 0 },
  ) {
    this.limits = limits;
    this.onEvict = onEvict;
    this.ledger = ledger;
    this.ring = new Array<BufferedEvent | undefined>(Math.min(INITIAL_CAPACITY, limits.maxEvents));
  }

  /** Number of buffered events. */
  get size(): number {
    return this.count;
  }

  /** Bytes of the buffered frames. */
  get byteSize(): number {
    return this.bytes;
  }

  /** The oldest buffered event. */
  get oldest(): BufferedEvent | undefined {
    return this.count === 0 ? undefined : this.ring[this.start];
  }

  /** The newest buffered event. */
  get newest(): BufferedEvent | undefined {
    return this.count === 0 ? undefined : this.ring[(this.start + this.count - 1) % this.ring.length];
  }

  /** The event with this seq, if still buffered. */
  get(seq: number): BufferedEvent | undefined {
    const oldest = this.oldest;
    if (oldest === undefined) return undefined;
    const offset = seq - oldest.seq;
    if (offset < 0 || offset >= this.count) return undefined;
    return this.ring[(this.start + offset) % this.ring.length];
  }

  /** Appends `event` (its seq must be the newest + 1), then evicts down to the limits. */
  append(event: BufferedEvent): void {
    if (this.count === this.ring.length) {
      if (this.ring.length < this.limits.maxEvents) this.grow();
      else this.evictOldest();
    }
    this.ring[(this.start + this.count) % this.ring.length] = event;
    this.count++;
    this.bytes += event.data.length;
    this.ledger.bytes += event.data.length;
    while (this.bytes > this.limits.maxBytes && this.count > 1) this.evictOldest();
  }

  /** Evicts events appended at or before `now - maxAgeMs`. Returns how many left. */
  evictExpired(now: number): number {
    const cutoff = now - this.limits.maxAgeMs;
    let evicted = 0;
    while (this.count > 0 && this.ring[this.start]!.at <= cutoff) {
      this.evictOldest();
      evicted++;
    }
    return evicted;
  }

  /**
   * Evicts the oldest events until the buffer holds at most `maxBytes` (the newest event
   * always stays). Returns how many left.
   */
  trimTo(maxBytes: number): number {
    let evicted = 0;
    while (this.bytes > maxBytes && this.count > 1) {
      this.evictOldest();
      evicted++;
    }
    return evicted;
  }

  /** Evicts everything (a seq gap makes the buffer non-contiguous). */
  clear(): void {
    while (this.count > 0) this.evictOldest();
  }

  /** Bytes of the buffered events from `seq` to the newest (0 when `seq` is past the newest). */
  bytesFrom(seq: number): number {
    const from = this.get(seq);
    const newest = this.newest;
    if (from === undefined || newest === undefined) return 0;
    return newest.cumulativeBytes - from.cumulativeBytes + from.data.length;
  }

  private grow(): void {
    const ring = new Array<BufferedEvent | undefined>(Math.min(this.ring.length * 2, this.limits.maxEvents));
    for (let i = 0; i < this.count; i++) ring[i] = this.ring[(this.start + i) % this.ring.length];
    this.ring = ring;
    this.start = 0;
  }

  private evictOldest(): void {
    const event = this.ring[this.start]!;
    this.ring[this.start] = undefined;
    this.start = (this.start + 1) % this.ring.length;
    this.count--;
    this.bytes -= event.data.length;
    this.ledger.bytes -= event.data.length;
    this.onEvict(event);
  }
}
