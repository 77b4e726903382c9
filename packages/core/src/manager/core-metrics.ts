import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

/** What core's own metrics read at scrape time. @internal */
export interface CoreReadings {
  /** Per instance: fallback answers by reason, and bulkhead counters when it has one. */
  readonly instances: ReadonlyArray<{
    readonly service: string;
    readonly fallbacks: ReadonlyMap<string, number>;
    readonly fallbackFailures: number;
    readonly bulkhead?: { readonly active: number; readonly queued: number; readonly rejected: number };
  }>;
  /** Events emitted, invalid events refused, and per-sink failures. */
  readonly events: {
    readonly emitted: number;
    readonly invalid: number;
    readonly sinks: ReadonlyArray<{
      readonly name: string;
      readonly failed: number;
      readonly pending: number;
    }>;
  };
}

type Labels = Record<string, string>;
type Fill = (readings: CoreReadings, put: (labels: Labels, value: number) => void) => void;

/** Metric name, type, help, labels and how to read it. */
const METRICS: ReadonlyArray<readonly [string, 'counter' | 'gauge', string, readonly string[], Fill]> = [
  [
    'rel_fallbacks_total',
    'counter',
    'Calls answered by a fallback, by the failure kind it answered.',
    ['service', 'reason'],
    (r, put) => {
      for (const i of r.instances)
        for (const [reason, n] of i.fallbacks) put({ service: i.service, reason }, n);
    },
  ],
  [
    'rel_fallback_failures_total',
    'counter',
    'Fallbacks that threw (the call then failed with its own error).',
    ['service'],
    (r, put) => r.instances.forEach((i) => put({ service: i.service }, i.fallbackFailures)),
  ],
  [
    'rel_bulkhead_active',
    'gauge',
    'Calls running inside the bulkhead.',
    ['service'],
    (r, put) => r.instances.forEach((i) => i.bulkhead && put({ service: i.service }, i.bulkhead.active)),
  ],
  [
    'rel_bulkhead_queued',
    'gauge',
    'Calls waiting for a bulkhead slot.',
    ['service'],
    (r, put) => r.instances.forEach((i) => i.bulkhead && put({ service: i.service }, i.bulkhead.queued)),
  ],
  [
    'rel_bulkhead_rejections_total',
    'counter',
    'Calls refused by a full bulkhead.',
    ['service'],
    (r, put) => r.instances.forEach((i) => i.bulkhead && put({ service: i.service }, i.bulkhead.rejected)),
  ],
  [
    'rel_events_emitted_total',
    'counter',
    'Agent events numbered and handed to the sinks.',
    [],
    (r, put) => put({}, r.events.emitted),
  ],
  [
    'rel_events_invalid_total',
    'counter',
    'Agent events refused by validation (a bug in the emitter).',
    [],
    (r, put) => put({}, r.events.invalid),
  ],
  [
    'rel_event_sink_failures_total',
    'counter',
    'Event deliveries that threw or rejected, by sink.',
    ['sink'],
    (r, put) => r.events.sinks.forEach((s) => put({ sink: s.name }, s.failed)),
  ],
  [
    'rel_event_sink_pending',
    'gauge',
    'Event deliveries whose promise has not settled yet, by sink.',
    ['sink'],
    (r, put) => r.events.sinks.forEach((s) => put({ sink: s.name }, s.pending)),
  ],
];

/**
 * Registers @rel/core's own metrics in `registry`, all read from `read()` in prom-client's
 * `collect` hook, so they cost nothing between scrapes: `rel_fallbacks_total{service,reason}`,
 * `rel_fallback_failures_total{service}`, `rel_bulkhead_active{service}`,
 * `rel_bulkhead_queued{service}`, `rel_bulkhead_rejections_total{service}`,
 * `rel_events_emitted_total`, `rel_events_invalid_total`,
 * `rel_event_sink_failures_total{sink}` and `rel_event_sink_pending{sink}`.
 *
 * prom-client is imported dynamically (it is an optional peer). A name already in the
 * registry (two managers on one registry) is skipped and logged. @internal
 */
export async function registerCoreMetrics(
  registry: Registry,
  read: () => CoreReadings,
  logger: Logger,
): Promise<void> {
  const { Counter, Gauge } = await import('prom-client');
  for (const [name, type, help, labelNames, fill] of METRICS) {
    if (registry.getSingleMetric(name) !== undefined) {
      logger.warn({ metric: name }, 'a metric of this name is already registered; not registering it again');
      continue;
    }
    const common = { name, help, labelNames: [...labelNames], registers: [registry] };
    if (type === 'counter') {
      new Counter({
        ...common,
        collect() {
          this.reset();
          fill(read(), (labels, value) => this.inc(labels, value));
        },
      });
    } else {
      new Gauge({
        ...common,
        collect() {
          this.reset();
          fill(read(), (labels, value) => this.set(labels, value));
        },
      });
    }
  }
}
