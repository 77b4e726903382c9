// @rel/core/client: receive agent events over WebSocket, in browsers and in Node.
// Nothing here imports a Node-only module (checked by browser-safety.test.ts).
export { WebSocketEventClient } from './event-client.js';
export type { ClientError, ClientState, ClientStateChange, ClientStats } from './client-events.js';
export type { WebSocketEventClientOptions } from './client-options.js';
export { parseServerFrame } from './frames.js';
export type { ServerFrame } from './frames.js';
export { reconnectDelay } from './reconnect-backoff.js';
export type { ReconnectBackoffOptions } from './reconnect-backoff.js';
export type { WebSocketConstructor, WebSocketLike } from './web-socket-like.js';
export { AgentEventSchema } from '../events/envelope.js';
export type { AgentEvent } from '../events/envelope.js';
export {
  ControlFrameSchema,
  CONTROL_FRAME_PREFIX,
  RESYNC_REASONS,
  WS_ERROR_CODES,
  WS_PROTOCOL_VERSION,
} from '../ws/protocol/server-frames.js';
export type {
  ControlFrame,
  ErrorFrame,
  ResyncReason,
  ResyncRequiredFrame,
  WelcomeFrame,
  WsErrorCode,
} from '../ws/protocol/server-frames.js';
export { ClientMessageSchema } from '../ws/protocol/client-messages.js';
export type { ClientMessage } from '../ws/protocol/client-messages.js';
export { PERMANENT_CLOSE_CODES, WS_CLOSE_CODES } from '../ws/protocol/close-codes.js';
export type { WsCloseCode } from '../ws/protocol/close-codes.js';
