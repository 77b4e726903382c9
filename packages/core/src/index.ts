// @rel/core: the reliability manager, its instances (the canonical pipeline), agent runs and
// the typed agent event model, logging, and WebSocket delivery. Curated: everything public is
// listed here.

// The manager and its instances.
export { ReliabilityManager } from './manager/reliability-manager.js';
export type { ReliabilityManagerOptions } from './manager/manager-options.js';
export type { MetricsOption } from './manager/metrics-bridge.js';
export { getDefaultManager, setDefaultManager } from './manager/default-manager.js';
export { ReliabilityInstance } from './instance/reliability-instance.js';
export type { InstanceStatus } from './instance/reliability-instance.js';
export type { CallOptions, Fallback, FallbackInput } from './instance/call-options.js';
export type {
  ReliabilityFailure,
  ReliabilityResult,
  ReliabilitySuccess,
} from './instance/reliability-result.js';
export { Bulkhead } from './instance/bulkhead.js';
export type { BulkheadStatus, BulkheadWait } from './instance/bulkhead.js';

// Agents and runs.
export { AgentReliabilityWrapper } from './agent/agent-wrapper.js';
export type {
  AgentReliabilityWrapperOptions,
  ExecuteSafelyOptions,
  StartRunOptions,
} from './agent/agent-wrapper.js';
export { AgentRun } from './agent/agent-run.js';
export type { RunState, ToolOptions } from './agent/run-types.js';

// The wire event model, the dispatcher and sinks.
export { AGENT_EVENT_TYPES, COALESCIBLE_EVENT_TYPES, TERMINAL_EVENT_TYPES } from './events/event-types.js';
export type { AgentEventType } from './events/event-types.js';
export { AgentEventSchema } from './events/envelope.js';
export type { AgentEvent, AgentEventPayload, UnsequencedAgentEvent } from './events/envelope.js';
export {
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
} from './events/payloads.js';
export type { EventSink } from './events/sink.js';
export { EventDispatcher } from './events/dispatcher.js';
export type { AgentEventInput, DispatcherStats, EventDispatcherOptions } from './events/dispatcher.js';
export type { SinkStats } from './events/sink-slot.js';
export { MemoryEventSink } from './events/memory-sink.js';
export { RELIABILITY_EVENT_TYPES } from './events/run-context.js';
export type { ReliabilityEvent, ReliabilityEventType, RunContext } from './events/run-context.js';
export { isSecretKey, toWireJson, toWireRecord } from './events/wire-json.js';
export type { WireJsonLimits } from './events/wire-json.js';

// Logging.
export { REDACT_PATHS, REDACTED, defaultLogger, serviceLogger } from './logging/logger.js';

// WebSocket delivery: the event server (an EventSink), its auth, options, stats and wire
// protocol. The browser-safe client is the `@rel/core/client` subpath.
export { WebSocketEventServer } from './ws/event-server.js';
export type { WebSocketEventServerOptions } from './ws/options.js';
export type { WebSocketServerStats, AuthRefusalReason } from './ws/stats.js';
export { AUTH_REFUSAL_REASONS } from './ws/stats.js';
export { hmacTokenVerifier, signToken, MIN_SECRET_BYTES } from './ws/auth/hmac-token.js';
export type { HmacSecret, HmacTokenVerifierOptions, SignTokenOptions } from './ws/auth/hmac-token.js';
export { extractToken } from './ws/auth/token-verifier.js';
export type { TokenClaims, TokenVerifier } from './ws/auth/token-verifier.js';
export { registerWebSocketMetrics } from './ws/metrics.js';
export {
  ClientMessageSchema,
  CLIENT_MESSAGE_TYPES,
  MAX_THREAD_SUBSCRIPTIONS,
} from './ws/protocol/client-messages.js';
export type { ClientMessage, ClientMessageType } from './ws/protocol/client-messages.js';
export {
  CONTROL_FRAME_PREFIX,
  ControlFrameSchema,
  RESYNC_REASONS,
  WS_ERROR_CODES,
  WS_PROTOCOL_VERSION,
} from './ws/protocol/server-frames.js';
export type {
  ControlFrame,
  ErrorFrame,
  ResyncReason,
  ResyncRequiredFrame,
  WelcomeFrame,
  WsErrorCode,
} from './ws/protocol/server-frames.js';
export { PERMANENT_CLOSE_CODES, WS_CLOSE_CODES } from './ws/protocol/close-codes.js';
export type { WsCloseCode } from './ws/protocol/close-codes.js';
export { parseClientMessage } from './ws/protocol/parse-client-message.js';
export type { ParsedClientMessage } from './ws/protocol/parse-client-message.js';
// End of WebSocket delivery.
