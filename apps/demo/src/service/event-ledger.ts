import type { AgentEvent, EventSink } from '@rel/core';

/** What the ledger keeps of one sent event: enough to match it with what a client received. */
export interface LedgerEntry {
  readonly seq: number;
  readonly type: AgentEvent['type'];
  readonly runId: string;
}

/** One user's side of the ledger. */
export interface UserLedger {
  readonly userId: string;
  /** Events sent to this user's stream. */
  readonly sent: number;
  /** The highest seq sent (0 before the first event). */
  readonly headSeq: number;
  /** The kept entries, oldest first (all of them unless more than `maxEntries` were sent). */
  readonly entries: readonly LedgerEntry[];
  /** Entries dropped to stay within `maxEntries`. */
  readonly dropped: number;
  /** Runs this user's events belonged to. */
  readonly runIds: ReadonlySet<string>;
}

interface MutableLedger {
  sent: number;
  headSeq: number;
  entries: LedgerEntry[];
  dropped: number;
  runIds: Set<string>;
}

/**
 * An `EventSink` beside the WebSocket server that writes down every event the dispatcher
 * sent, per user: the "sent" side of the report's "events sent vs received". It sees exactly
 * what the WebSocket server sees (the dispatcher gives every sink every event, in seq order).
 * Memory is bounded by `maxEntries` per user, so serve mode can run for hours.
 *
 * @example
 * ```ts
 * const ledger = new EventLedger();
 * const manager = new ReliabilityManager({ sinks: [wsServer, ledger] });
 * ledger.user('alice').headSeq; // last seq sent to alice
 * ```
 */
export class EventLedger implements EventSink {
  readonly name = 'demo-ledger';
  private readonly users = new Map<string, MutableLedger>();
  private readonly maxEntries: number;

  /** @param maxEntries - entries kept per user. @defaultValue 50 000 */
  constructor(maxEntries = 50_000) {
    this.maxEntries = maxEntries;
  }

  send(event: AgentEvent): void {
    let ledger = this.users.get(event.user_id);
    if (ledger === undefined) {
      ledger = { sent: 0, headSeq: 0, entries: [], dropped: 0, runIds: new Set() };
      this.users.set(event.user_id, ledger);
    }
    ledger.sent++;
    ledger.headSeq = event.seq;
    ledger.runIds.add(event.run_id);
    if (ledger.entries.length >= this.maxEntries) {
      // Drop the older half at once: amortised O(1) per event.
      const drop = Math.ceil(this.maxEntries / 2);
      ledger.entries.splice(0, drop);
      ledger.dropped += drop;
    }
    ledger.entries.push({ seq: event.seq, type: event.type, runId: event.run_id });
  }

  /** The ledger of `userId` (empty when nothing was sent to that user). */
  user(userId: string): UserLedger {
    const ledger = this.users.get(userId);
    if (ledger === undefined) {
      return { userId, sent: 0, headSeq: 0, entries: [], dropped: 0, runIds: new Set() };
    }
    return { userId, ...ledger };
  }

  /** Users that were sent at least one event. */
  userIds(): string[] {
    return [...this.users.keys()];
  }
}
