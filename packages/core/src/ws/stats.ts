/** Why an upgrade was refused (the `reason` label of the refusal counter). */
export const AUTH_REFUSAL_REASONS = [
  'missing_token',
  'invalid_token',
  'forbidden_origin',
  'verifier_error',
  'not_found',
  'shutting_down',
] as const;

/** One of {@link AUTH_REFUSAL_REASONS}. */
export type AuthRefusalReason = (typeof AUTH_REFUSAL_REASONS)[number];

/**
 * Counters and gauges of a {@link WebSocketEventServer}, as returned by `stats()`.
 * Counters only grow; gauges (`connections`, `users`, `buffered*`) are current values.
 */
export interface WebSocketServerStats {
  /** Open connections (held and streaming). Gauge. */
  connections: number;
  /** User streams in memory. Gauge. */
  users: number;
  /** Events held in every replay buffer. Gauge. */
  bufferedEvents: number;
  /** Bytes of those events. Gauge. */
  bufferedBytes: number;
  /** Connections accepted since start. */
  connectionsAccepted: number;
  /** Events handed to `send()`. */
  eventsReceived: number;
  /** Events refused by `send()`: malformed, or a `seq` not above the user's head. */
  eventsRejected: number;
  /** Times an event's `seq` skipped ahead (events lost upstream; readers were told to resync). */
  seqGaps: number;
  /** Event frames written to connections (replayed ones included). */
  eventsSent: number;
  /** Of those, frames sent while catching up after `resume`. */
  eventsReplayed: number;
  /** Coalescible events a connection skipped because a newer one of the run superseded them. */
  eventsCoalesced: number;
  /** Events evicted from replay buffers to keep them within `replay.maxTotalBytes` together. */
  eventsEvictedForMemory: number;
  /** `rel.resync_required` frames sent. */
  resyncs: number;
  /** Connections closed with 1013 for falling too far behind. */
  slowClientCloses: number;
  /** Connections the heartbeat terminated (no pong within two intervals). */
  heartbeatTerminations: number;
  /** Connections closed with 4401 because the token expired. */
  tokenExpiryCloses: number;
  /** Connections ws closed with 1009 for an inbound frame over `maxPayloadBytes`. */
  oversizeCloses: number;
  /** Inbound messages answered with `rel.error`. */
  invalidMessages: number;
  /** Upgrades refused, every reason. */
  authRefusals: number;
  /** Upgrades refused, by reason. */
  authRefusalsByReason: Record<AuthRefusalReason, number>;
  /** Largest `bufferedAmount` seen on one connection right after a write (memory high-water mark). */
  peakConnectionBufferedBytes: number;
  /** `send()` calls that failed inside the server (logged; never thrown). */
  internalErrors: number;
}

/** Fresh, zeroed counters. */
export function createStats(): WebSocketServerStats {
  const byReason = {} as Record<AuthRefusalReason, number>;
  for (const reason of AUTH_REFUSAL_REASONS) byReason[reason] = 0;
  return {
    connections: 0,
    users: 0,
    bufferedEvents: 0,
    bufferedBytes: 0,
    connectionsAccepted: 0,
    eventsReceived: 0,
    eventsRejected: 0,
    seqGaps: 0,
    eventsSent: 0,
    eventsReplayed: 0,
    eventsCoalesced: 0,
    eventsEvictedForMemory: 0,
    resyncs: 0,
    slowClientCloses: 0,
    heartbeatTerminations: 0,
    tokenExpiryCloses: 0,
    oversizeCloses: 0,
    invalidMessages: 0,
    authRefusals: 0,
    authRefusalsByReason: byReason,
    peakConnectionBufferedBytes: 0,
    internalErrors: 0,
  };
}
