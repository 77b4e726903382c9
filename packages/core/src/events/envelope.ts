import { z } from 'zod';
import {
  AgentCompletedPayload,
  AgentErrorPayload,
  AgentFallbackPayload,
  AgentProgressPayload,
  AgentRetryingPayload,
  AgentStartedPayload,
  AgentThinkingPayload,
  CircuitPayload,
  HealthPayload,
  ToolCompletedPayload,
  ToolExecutingPayload,
} from './payloads.js';

const base = {
  /** Run this event belongs to. */
  run_id: z.string().min(1),
  /** Chat thread of the run, when it has one. */
  thread_id: z.string().min(1).optional(),
  /** Owner of the run: the only user who may receive the event. */
  user_id: z.string().min(1),
  agent_name: z.string().min(1),
  /** Per-user sequence number: 1, 2, 3 ... with no gaps, across all of the user's runs. */
  seq: z.int().min(1),
  /** When the event was created (ISO 8601, UTC). */
  timestamp: z.iso.datetime(),
};

const variant = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.strictObject({ type: z.literal(type), ...base, payload });

/**
 * The wire envelope of every agent event, validated on the way out (and by clients on the
 * way in): `{ type, run_id, thread_id?, user_id, agent_name, seq, timestamp, payload }`.
 */
export const AgentEventSchema = z.discriminatedUnion('type', [
  variant('agent_started', AgentStartedPayload),
  variant('agent_thinking', AgentThinkingPayload),
  variant('agent_progress', AgentProgressPayload),
  variant('tool_executing', ToolExecutingPayload),
  variant('tool_completed', ToolCompletedPayload),
  variant('agent_completed', AgentCompletedPayload),
  variant('agent_error', AgentErrorPayload),
  variant('agent_retrying', AgentRetryingPayload),
  variant('agent_fallback', AgentFallbackPayload),
  variant('circuit_breaker_opened', CircuitPayload),
  variant('circuit_breaker_half_open', CircuitPayload),
  variant('circuit_breaker_closed', CircuitPayload),
  variant('health_degraded', HealthPayload),
  variant('health_recovered', HealthPayload),
]);

/** A wire event. Narrow on `type` to get its payload. */
export type AgentEvent = z.infer<typeof AgentEventSchema>;

/** The payload type of event type `T`. */
export type AgentEventPayload<T extends AgentEvent['type']> = Extract<AgentEvent, { type: T }>['payload'];

/** An event before the dispatcher numbers it (`seq` is assigned per user at emission). */
export type UnsequencedAgentEvent = AgentEvent extends infer E
  ? E extends AgentEvent
    ? Omit<E, 'seq'>
    : never
  : never;
