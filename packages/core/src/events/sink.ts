import type { AgentEvent } from './envelope.js';

/**
 * Where agent events go: an in-memory list in tests, the WebSocket manager in a server.
 *
 * The dispatcher calls `send` once per event, in per-user `seq` order, and never waits for
 * it on an operation's path: a sink that throws, rejects or never settles is isolated,
 * counted and logged, and cannot change an operation's result or latency.
 */
export interface EventSink {
  /** Sink name for logs and metrics. */
  readonly name: string;
  /** Accept one event. May return a promise; nobody on the operation's path awaits it. */
  send(event: AgentEvent): void | Promise<void>;
  /** Flush and release resources (graceful shutdown). */
  close?(): Promise<void>;
}
