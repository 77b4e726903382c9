import { BoundedLog } from '../delegate/bounded-log.js';

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
 * per operation). @internal
 */
export class LegacyErrorLog {
  private readonly log = new BoundedLog<LegacyErrorEntry>(MAX_ERROR_HISTORY);

  add(entry: LegacyErrorEntry): void {
    this.log.add(entry);
  }

  /** Oldest first. */
  entries(): LegacyErrorEntry[] {
    return this.log.since(-Infinity);
  }

  /** Entries at or after `since` (clock ms). */
  countSince(since: number): number {
    return this.log.since(since).length;
  }

  get size(): number {
    return this.log.size;
  }

  /** The newest entry. */
  last(): LegacyErrorEntry | undefined {
    return this.log.last();
  }
}
