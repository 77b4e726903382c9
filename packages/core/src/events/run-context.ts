import type { AgentEventPayload } from './envelope.js';

/** The reliability events a call reports into the run it belongs to. */
export const RELIABILITY_EVENT_TYPES = [
  'agent_retrying',
  'agent_fallback',
  'circuit_breaker_opened',
  'circuit_breaker_half_open',
  'circuit_breaker_closed',
  'health_degraded',
  'health_recovered',
] as const;

/** One of {@link RELIABILITY_EVENT_TYPES}. */
export type ReliabilityEventType = (typeof RELIABILITY_EVENT_TYPES)[number];

/** A reliability event before it gets the run's envelope: its type and payload. */
export type ReliabilityEvent = {
  [T in ReliabilityEventType]: { readonly type: T; readonly payload: AgentEventPayload<T> };
}[ReliabilityEventType];

/**
 * What a reliable call needs to report into an agent run: who the run belongs to, and a
 * way to add an event to it. `AgentRun` implements it (and guarantees that nothing is
 * added after the run ended); pass one as the `run` option of `execute` / `run` on a
 * reliability instance whose profile has `events.enabled`.
 *
 * @example
 * ```ts
 * await instance.execute(callModel, { operation: 'chat', run }); // retries show as agent_retrying in the run
 * ```
 */
export interface RunContext {
  readonly runId: string;
  readonly userId: string;
  readonly threadId?: string | undefined;
  readonly agentName: string;
  /**
   * Adds a reliability event to the run. Never throws (it runs inside a call's
   * reliability path); returns false when the event was not added (the run has ended,
   * or the event was refused, which is logged).
   */
  report(event: ReliabilityEvent): boolean;
}
