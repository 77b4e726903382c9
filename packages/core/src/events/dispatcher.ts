import {
  InvalidStateError,
  REL_ERROR_CODES,
  RelConfigError,
  RelValidationError,
  systemClock,
  toValidationIssues,
  type Clock,
  type Disposable,
  type ValidationIssue,
} from '@rel/config';
import type { Logger } from 'pino';
import { defaultLogger } from '../logging/logger.js';
import { RateLimitedLog } from '../logging/rate-limited-log.js';
import { AgentEventSchema, type AgentEvent } from './envelope.js';
import type { EventSink } from './sink.js';
import { SinkSlot, type SinkStats } from './sink-slot.js';

/**
 * An event as its emitter writes it: the envelope without `seq` (the dispatcher numbers
 * it) and with an optional `timestamp` (default: now, from the dispatcher's clock).
 */
export type AgentEventInput = AgentEvent extends infer E
  ? E extends AgentEvent
    ? Omit<E, 'seq' | 'timestamp'> & { readonly timestamp?: string }
    : never
  : never;

/** Options of an {@link EventDispatcher}. */
export interface EventDispatcherOptions {
  /** Where events go (more with `addSink`). @defaultValue none */
  readonly sinks?: readonly EventSink[];
  /** Where sink failures are reported (rate-limited: one line per sink per 10 s). @defaultValue `defaultLogger()` */
  readonly logger?: Logger;
  /** Time source of timestamps and of the log rate limit. @defaultValue `systemClock` */
  readonly clock?: Clock;
}

/** Counters of an {@link EventDispatcher}. */
export interface DispatcherStats {
  /** Events numbered and handed to the sinks. */
  readonly emitted: number;
  /** Events refused because they failed validation (each was a thrown `RelValidationError`). */
  readonly invalid: number;
  /** Users with a sequence counter. */
  readonly users: number;
  /** Per sink: sent, failed, pending. */
  readonly sinks: readonly SinkStats[];
}

function checkSink(sink: unknown, path: string): EventSink {
  const s = sink as Partial<EventSink> | null;
  if (typeof s !== 'object' || s === null || typeof s.send !== 'function' || typeof s.name !== 'string') {
    throw new RelConfigError(
      [{ path, received: sink, expected: 'an EventSink { name: string, send(event) }' }],
      'event dispatcher',
    );
  }
  return sink as EventSink;
}

/**
 * Numbers agent events per user and fans them out to sinks.
 *
 * - `seq` is 1, 2, 3 ... per `user_id`, across all of the user's runs, with no gaps: an
 *   event is validated against `AgentEventSchema` **before** it is numbered, and an
 *   invalid one throws `RelValidationError` (`REL_INVALID_EVENT`) naming each bad field
 *   and takes no number.
 * - Every sink sees every event in `seq` order, also when a sink emits from inside `send`
 *   (such events are queued behind the current one).
 * - A sink can never fail or slow the emitter: `send` is never awaited; a throw or a
 *   rejection is caught, counted (`stats()`) and logged (rate-limited per sink).
 *
 * One dispatcher per event stream: two dispatchers feeding one WebSocket server would
 * number the same users twice.
 *
 * @example
 * ```ts
 * const events = new EventDispatcher({ sinks: [wsServer], logger });
 * events.emit({ type: 'agent_thinking', run_id: 'r1', user_id: 'u1', agent_name: 'triage',
 *   payload: { status: 'thinking', reasoning: 'Reading the ticket' } }); // -> { ..., seq: 1, timestamp }
 * ```
 */
export class EventDispatcher {
  private readonly slots: SinkSlot[] = [];
  private readonly seqs = new Map<string, number>();
  private readonly clock: Clock;
  private readonly logger: Logger | undefined;
  private readonly limiter: RateLimitedLog;
  private readonly queue: AgentEvent[] = [];
  private delivering = false;
  private closed = false;
  private emitted = 0;
  private invalid = 0;

  constructor(options: EventDispatcherOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new RelConfigError(
        [{ path: 'options', received: options, expected: 'an options object' }],
        'event dispatcher',
      );
    }
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger;
    this.limiter = new RateLimitedLog(this.clock);
    if (options.sinks !== undefined && !Array.isArray(options.sinks)) {
      throw new RelConfigError(
        [{ path: 'sinks', received: options.sinks, expected: 'an array of EventSink' }],
        'event dispatcher',
      );
    }
    (options.sinks ?? []).forEach((sink, i) => this.addSink(checkSink(sink, `sinks[${i}]`)));
  }

  /**
   * Adds a sink; it receives every event emitted from now on. Dispose to remove it.
   * @throws `RelConfigError` when `sink` is not an `EventSink`.
   */
  addSink(sink: EventSink): Disposable {
    const slot = new SinkSlot(checkSink(sink, 'sink'), (s, error) => this.sinkFailed(s, error));
    this.slots.push(slot);
    return {
      dispose: () => {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots.splice(i, 1);
      },
    };
  }

  /**
   * Validates, numbers and delivers one event; returns it as delivered.
   *
   * @throws `RelValidationError` (`REL_INVALID_EVENT`) when the event does not match
   *   `AgentEventSchema` (nothing is numbered or delivered then).
   * @throws `InvalidStateError` after `close()`.
   */
  emit(input: AgentEventInput): AgentEvent {
    if (this.closed)
      throw new InvalidStateError('the event dispatcher is closed; no more events can be emitted');
    const timestamp =
      typeof input === 'object' && input !== null && input.timestamp !== undefined
        ? input.timestamp
        : new Date(this.clock.now()).toISOString();
    // seq 1 stands in while validating: the real number is taken only by a valid event.
    const candidate = { ...input, timestamp, seq: 1 };
    const parsed = AgentEventSchema.safeParse(candidate);
    if (!parsed.success) {
      this.invalid++;
      const issues: ValidationIssue[] = toValidationIssues(
        AgentEventSchema,
        candidate,
        parsed.error.issues,
      ).filter((issue) => issue.path !== 'seq');
      throw new RelValidationError(
        REL_ERROR_CODES.INVALID_EVENT,
        `agent event "${String(candidate.type)}"`,
        issues,
      );
    }
    const event = parsed.data;
    const seq = (this.seqs.get(event.user_id) ?? 0) + 1;
    this.seqs.set(event.user_id, seq);
    event.seq = seq;
    this.emitted++;
    this.queue.push(event);
    if (!this.delivering) this.drain();
    return event;
  }

  /** The last `seq` given to `userId` (0 before the first event). */
  headSeq(userId: string): number {
    return this.seqs.get(userId) ?? 0;
  }

  /** Counters: events emitted, invalid events refused, and per sink sent / failed / pending. */
  stats(): DispatcherStats {
    return {
      emitted: this.emitted,
      invalid: this.invalid,
      users: this.seqs.size,
      sinks: this.slots.map((slot) => slot.stats()),
    };
  }

  /**
   * Stops accepting events and closes every sink that has a `close` (each isolated: one
   * failing close does not stop the others; failures are logged). Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        try {
          await slot.sink.close?.();
        } catch (error) {
          this.log().warn({ sink: slot.sink.name, err: error }, 'closing an event sink failed');
        }
      }),
    );
  }

  private drain(): void {
    this.delivering = true;
    try {
      for (let i = 0; i < this.queue.length; i++) {
        const event = this.queue[i]!;
        // A snapshot of the list: a sink added or removed during delivery takes effect next event.
        const slots = this.slots.slice();
        for (const slot of slots) slot.deliver(event);
      }
    } finally {
      this.queue.length = 0;
      this.delivering = false;
    }
  }

  private sinkFailed(slot: SinkSlot, error: unknown): void {
    const suppressed = this.limiter.admit(slot.sink.name);
    if (suppressed < 0) return;
    this.log().warn(
      { sink: slot.sink.name, err: error, failed: slot.failed, suppressed },
      'event sink failed; the event was not delivered to it (the operation is not affected)',
    );
  }

  private log(): Logger {
    return this.logger ?? defaultLogger();
  }
}
