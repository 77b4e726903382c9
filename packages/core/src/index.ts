// @rel/core: filled in by its own issue. The wire event model comes first, as the contract
// between the manager and the WebSocket delivery.
export { AGENT_EVENT_TYPES, COALESCIBLE_EVENT_TYPES, TERMINAL_EVENT_TYPES } from './events/event-types.js';
export type { AgentEventType } from './events/event-types.js';
export { AgentEventSchema } from './events/envelope.js';
export type { AgentEvent, AgentEventPayload, UnsequencedAgentEvent } from './events/envelope.js';
export type { EventSink } from './events/sink.js';

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
