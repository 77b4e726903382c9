/**
 * One tracked failure of a legacy `AgentReliabilityWrapper` (legacy keys).
 * @deprecated Use `ReliabilityHealthTracker#errors()` of `@rel/health`. Removed in 2.0.0.
 */
export interface LegacyErrorEntry {
  /** ISO time. */
  readonly timestamp: string;
  readonly operation: string;
  readonly error_type: string;
  readonly error_message: string;
  readonly agent: string;
  /** Clock ms, for the 5-minute window. @internal */
  readonly at: number;
}

/** Entries kept, as in the legacy wrapper. */
export const MAX_ERROR_HISTORY = 100;

/**
 * The last {@link MAX_ERROR_HISTORY} failed calls of a legacy wrapper, by operation (the
 * canonical health tracker keeps attempts, per service; the legacy report lists calls,
 * per operation). A ring: constant memory. @internal
 */
export class LegacyErrorLog {
  private readonly ring: LegacyErrorEntry[] = [];
  private head = 0;

  add(entry: LegacyErrorEntry): void {
    if (this.ring.length < MAX_ERROR_HISTORY) this.ring.push(entry);
    else {
      this.ring[this.head] = entry;
      this.head = (this.head + 1) % MAX_ERROR_HISTORY;
    }
  }

  /** Oldest first. */
  entries(): LegacyErrorEntry[] {
    const n = this.ring.length;
    return Array.from({ length: n }, (_, i) => this.ring[(this.head + i) % n]!);
  }

  /** Entries at or after `since` (clock ms). */
  countSince(since: number): number {
    return this.ring.reduce((count, e) => count + (e.at >= since ? 1 : 0), 0);
  }

  get size(): number {
    return this.ring.length;
  }

  /** The newest entry. */
  last(): LegacyErrorEntry | undefined {
    return this.ring.length === 0
      ? undefined
      : this.ring[(this.head + this.ring.length - 1) % this.ring.length];
  }
}
