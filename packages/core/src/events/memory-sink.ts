import type { AgentEvent } from './envelope.js';
import type { AgentEventType } from './event-types.js';
import type { EventSink } from './sink.js';

/**
 * An `EventSink` that keeps events in memory, for tests and for inspecting a run in a
 * REPL. Bounded: once `maxEvents` are held, the oldest is dropped (and counted).
 *
 * @example
 * ```ts
 * const sink = new MemoryEventSink();
 * const manager = new ReliabilityManager({ sinks: [sink] });
 * // ... run an agent ...
 * sink.types('run-1'); // ['agent_started', 'tool_executing', 'agent_retrying', 'tool_completed', 'agent_completed']
 * ```
 */
export class MemoryEventSink implements EventSink {
  readonly name: string;
  private readonly max: number;
  private readonly held: AgentEvent[] = [];
  /** Events dropped because `maxEvents` were already held. */
  dropped = 0;

  /** @param options - `name` (default `"memory"`), `maxEvents` kept (default 10 000). */
  constructor(options: { name?: string; maxEvents?: number } = {}) {
    this.name = options.name ?? 'memory';
    this.max = options.maxEvents ?? 10_000;
  }

  send(event: AgentEvent): void {
    if (this.held.length >= this.max) {
      this.held.shift();
      this.dropped++;
    }
    this.held.push(event);
  }

  /** Every event held, oldest first (a copy). */
  get events(): readonly AgentEvent[] {
    return this.held.slice();
  }

  /** The events of one run, oldest first. */
  forRun(runId: string): AgentEvent[] {
    return this.held.filter((e) => e.run_id === runId);
  }

  /** The events of one user, oldest first. */
  forUser(userId: string): AgentEvent[] {
    return this.held.filter((e) => e.user_id === userId);
  }

  /** The event types of one run (or of everything), oldest first. */
  types(runId?: string): AgentEventType[] {
    return (runId === undefined ? this.held : this.forRun(runId)).map((e) => e.type);
  }

  /** Forgets every event. */
  clear(): void {
    this.held.length = 0;
    this.dropped = 0;
  }
}
