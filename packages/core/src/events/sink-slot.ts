import type { AgentEvent } from './envelope.js';
import type { EventSink } from './sink.js';

/** Per-sink delivery counters, as {@link EventDispatcher.stats} reports them. */
export interface SinkStats {
  /** The sink's name. */
  readonly name: string;
  /** Events handed to `send` (whatever happened next). */
  readonly sent: number;
  /** `send` calls that threw or whose promise rejected. */
  readonly failed: number;
  /** Promises returned by `send` that have not settled yet (a stuck sink shows here). */
  readonly pending: number;
  /** Message of the most recent failure. */
  readonly lastError?: string;
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  v !== null &&
  (typeof v === 'object' || typeof v === 'function') &&
  typeof (v as { then?: unknown }).then === 'function';

/**
 * One sink inside the dispatcher: delivery with isolation and its counters. `send` is
 * called and never awaited; a synchronous throw is caught, a returned promise gets
 * handlers (so a rejection is counted, never an unhandled rejection), and a promise that
 * never settles costs the caller nothing (it only shows in `pending`).
 * @internal
 */
export class SinkSlot {
  readonly sink: EventSink;
  sent = 0;
  failed = 0;
  pending = 0;
  lastError: string | undefined = undefined;
  private readonly onFailure: (slot: SinkSlot, error: unknown) => void;
  private readonly settled = (): void => {
    this.pending--;
  };
  private readonly rejected = (error: unknown): void => {
    this.pending--;
    this.fail(error);
  };

  constructor(sink: EventSink, onFailure: (slot: SinkSlot, error: unknown) => void) {
    this.sink = sink;
    this.onFailure = onFailure;
  }

  deliver(event: AgentEvent): void {
    this.sent++;
    let result: unknown;
    try {
      result = this.sink.send(event);
    } catch (error) {
      return this.fail(error);
    }
    if (isThenable(result)) {
      this.pending++;
      try {
        result.then(this.settled, this.rejected);
      } catch (error) {
        // A thenable whose `then` throws is as broken as a throwing `send`.
        this.pending--;
        this.fail(error);
      }
    }
  }

  stats(): SinkStats {
    const base = { name: this.sink.name, sent: this.sent, failed: this.failed, pending: this.pending };
    return this.lastError === undefined ? base : { ...base, lastError: this.lastError };
  }

  private fail(error: unknown): void {
    this.failed++;
    this.lastError = error instanceof Error ? error.message : String(error);
    try {
      this.onFailure(this, error);
    } catch {
      // Reporting a sink failure must never become a failure of the emitter.
    }
  }
}
