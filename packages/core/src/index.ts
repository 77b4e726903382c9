// @rel/core: filled in by its own issue. The wire event model comes first, as the contract
// between the manager and the WebSocket delivery.
export { AGENT_EVENT_TYPES, COALESCIBLE_EVENT_TYPES, TERMINAL_EVENT_TYPES } from './events/event-types.js';
export type { AgentEventType } from './events/event-types.js';
export { AgentEventSchema } from './events/envelope.js';
export type { AgentEvent, AgentEventPayload, UnsequencedAgentEvent } from './events/envelope.js';
export type { EventSink } from './events/sink.js';
