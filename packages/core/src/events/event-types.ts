/**
 * Wire event types. The first six keep the legacy names the chat front end already
 * understands; the rest report what reliability did during a run.
 */
export const AGENT_EVENT_TYPES = [
  'agent_started',
  'agent_thinking',
  'agent_progress',
  'tool_executing',
  'tool_completed',
  'agent_completed',
  'agent_error',
  'agent_retrying',
  'agent_fallback',
  'circuit_breaker_opened',
  'circuit_breaker_half_open',
  'circuit_breaker_closed',
  'health_degraded',
  'health_recovered',
] as const;

/** One of {@link AGENT_EVENT_TYPES}. */
export type AgentEventType = (typeof AGENT_EVENT_TYPES)[number];

/**
 * Events that may be coalesced for a slow consumer (a newer one of the same run makes an
 * older one stale). Every other event is critical: never dropped, never merged.
 */
export const COALESCIBLE_EVENT_TYPES: ReadonlySet<AgentEventType> = new Set([
  'agent_thinking',
  'agent_progress',
]);

/** Events that end a run; nothing of that run may follow them. */
export const TERMINAL_EVENT_TYPES: ReadonlySet<AgentEventType> = new Set(['agent_completed', 'agent_error']);
