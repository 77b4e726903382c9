import type { Registry } from 'prom-client';
import { AUTH_REFUSAL_REASONS, type WebSocketServerStats } from './stats.js';

type NumericStat = {
  [K in keyof WebSocketServerStats]: WebSocketServerStats[K] extends number ? K : never;
}[keyof WebSocketServerStats];

// Metric name (after the prefix) -> the stat it reports and its help text.
const GAUGES: ReadonlyArray<readonly [string, NumericStat, string]> = [
  ['connections', 'connections', 'Open WebSocket connections'],
  ['users', 'users', 'User streams held in memory'],
  ['buffered_events', 'bufferedEvents', 'Events held in replay buffers'],
  ['buffered_bytes', 'bufferedBytes', 'Bytes of events held in replay buffers'],
];

const COUNTERS: ReadonlyArray<readonly [string, NumericStat, string]> = [
  ['connections_accepted_total', 'connectionsAccepted', 'WebSocket connections accepted'],
  ['events_received_total', 'eventsReceived', 'Agent events handed to the server'],
  ['events_rejected_total', 'eventsRejected', 'Agent events rejected (malformed or out-of-order seq)'],
  ['seq_gaps_total', 'seqGaps', 'Times an event seq skipped ahead (events lost upstream)'],
  ['events_sent_total', 'eventsSent', 'Event frames written to connections'],
  ['events_replayed_total', 'eventsReplayed', 'Event frames sent while catching up after resume'],
  ['events_coalesced_total', 'eventsCoalesced', 'Coalescible events superseded before they were sent'],
  [
    'events_evicted_for_memory_total',
    'eventsEvictedForMemory',
    'Events evicted from replay buffers to stay within replay.maxTotalBytes',
  ],
  ['resyncs_total', 'resyncs', 'rel.resync_required frames sent'],
  ['slow_client_closes_total', 'slowClientCloses', 'Connections closed with 1013 for falling behind'],
  ['heartbeat_terminations_total', 'heartbeatTerminations', 'Connections terminated for missing pongs'],
  ['token_expiry_closes_total', 'tokenExpiryCloses', 'Connections closed with 4401 on token expiry'],
  ['oversize_closes_total', 'oversizeCloses', 'Connections closed with 1009 for an oversized frame'],
  ['invalid_messages_total', 'invalidMessages', 'Inbound messages answered with rel.error'],
];

/**
 * Registers the server's stats in a prom-client `Registry`, read at scrape time (no work
 * between scrapes). prom-client is an optional peer dependency, imported only here and
 * only when a registry is given, so the root entry of @rel/core never requires it.
 * Returns a function that removes the metrics again (the server calls it on close).
 *
 * @example
 * ```ts
 * const server = new WebSocketEventServer({ port: 8080, verify, metrics: { registry } });
 * await server.ready(); // metrics are registered
 * ```
 */
export async function registerWebSocketMetrics(
  registry: Registry,
  prefix: string,
  read: () => Readonly<WebSocketServerStats>,
): Promise<() => void> {
  const { Counter, Gauge } = await import('prom-client');
  const names: string[] = [];
  for (const [name, stat, help] of GAUGES) {
    names.push(prefix + name);
    new Gauge({
      name: prefix + name,
      help,
      registers: [registry],
      collect() {
        this.set(read()[stat]);
      },
    });
  }
  for (const [name, stat, help] of COUNTERS) {
    names.push(prefix + name);
    new Counter({
      name: prefix + name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read()[stat]);
      },
    });
  }
  names.push(`${prefix}auth_refusals_total`);
  new Counter({
    name: `${prefix}auth_refusals_total`,
    help: 'WebSocket upgrades refused, by reason',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      const byReason = read().authRefusalsByReason;
      this.reset();
      for (const reason of AUTH_REFUSAL_REASONS) this.inc({ reason }, byReason[reason]);
    },
  });
  return () => {
    for (const name of names) registry.removeSingleMetric(name);
  };
}
