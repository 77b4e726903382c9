import { z } from 'zod';

// Payload shapes follow the legacy AgentWebSocketBridge (snake_case keys, a `status` and a
// human `message`) where one existed, so an existing chat front end keeps rendering them.

const json = z.unknown();
const ms = z.number().min(0);

/** `agent_started`: a run began. */
export const AgentStartedPayload = z.strictObject({
  status: z.literal('started'),
  message: z.string(),
  context: z.record(z.string(), json),
});

/** `agent_thinking`: what the agent is reasoning about (coalescible). */
export const AgentThinkingPayload = z.strictObject({
  status: z.literal('thinking'),
  reasoning: z.string(),
  step_number: z.int().min(0).optional(),
  progress_percentage: z.number().min(0).max(100).optional(),
});

/** `agent_progress`: progress of a long step (coalescible). */
export const AgentProgressPayload = z.strictObject({
  status: z.literal('progress'),
  message: z.string(),
  progress_percentage: z.number().min(0).max(100).optional(),
  progress_data: z.record(z.string(), json).optional(),
});

/** `tool_executing`: a tool call started (the tool's name in `tool_name`, never swapped with the agent's). */
export const ToolExecutingPayload = z.strictObject({
  status: z.literal('executing'),
  tool_name: z.string().min(1),
  tool_call_id: z.string().min(1),
  parameters: z.record(z.string(), json),
  message: z.string(),
});

/** `tool_completed`: a tool call ended, successfully or not (always sent after `tool_executing`). */
export const ToolCompletedPayload = z.strictObject({
  status: z.enum(['completed', 'failed']),
  tool_name: z.string().min(1),
  tool_call_id: z.string().min(1),
  result: json.optional(),
  error_message: z.string().optional(),
  execution_time_ms: ms,
  attempts: z.int().min(0),
  fallback_used: z.boolean(),
  message: z.string(),
});

/** `agent_completed`: the run ended with a result. Terminal. */
export const AgentCompletedPayload = z.strictObject({
  status: z.literal('completed'),
  result: json.optional(),
  execution_time_ms: ms,
  message: z.string(),
});

/** `agent_error`: the run ended with an error. Terminal. */
export const AgentErrorPayload = z.strictObject({
  status: z.literal('error'),
  error_message: z.string(),
  error_code: z.string().optional(),
  error_kind: z.string().optional(),
  error_context: z.record(z.string(), json).optional(),
  message: z.string(),
});

/**
 * `agent_retrying`: an attempt failed and another will follow after `delay_ms`. `attempt`
 * is the attempt that failed; 0 when the call waits for an open circuit before its first
 * attempt (`reason` is then `circuit_open`).
 */
export const AgentRetryingPayload = z.strictObject({
  service: z.string(),
  operation: z.string(),
  attempt: z.int().min(0),
  max_attempts: z.int().min(1),
  delay_ms: ms,
  reason: z.string(),
  error_message: z.string().optional(),
  retry_after_ms: ms.optional(),
});

/** `agent_fallback`: the operation failed for good and a fallback answered. */
export const AgentFallbackPayload = z.strictObject({
  service: z.string(),
  operation: z.string(),
  reason: z.string(),
  error_message: z.string().optional(),
});

/** `circuit_breaker_opened` / `_half_open` / `_closed`: a breaker the run used changed state. */
export const CircuitPayload = z.strictObject({
  service: z.string(),
  circuit: z.string(),
  from_state: z.string(),
  to_state: z.string(),
  reason: z.string(),
  retry_after_ms: ms.optional(),
});

/** `health_degraded` / `health_recovered`: a dependency's health status changed. */
export const HealthPayload = z.strictObject({
  service: z.string(),
  status: z.string(),
  previous_status: z.string(),
  score: z.number().min(0).max(1),
});
