import type { Registry } from 'prom-client';

/** The @rel counters the report reads, summed per `service` label. */
export interface ServiceMetrics {
  /** `rel_calls_total`: finished calls. */
  readonly calls: number;
  /** `rel_attempts_total`: operation invocations. */
  readonly attempts: number;
  /** `rel_retries_total`: attempts after the first. */
  readonly retries: number;
  /** `rel_budget_refusals_total`: retries the budget refused. */
  readonly budgetRefusals: number;
  /** `rel_fallbacks_total`: calls a fallback answered. */
  readonly fallbacks: number;
  /** `rel_calls_total` by outcome. */
  readonly outcomes: Readonly<Record<string, number>>;
}

const NAMES = {
  calls: 'rel_calls_total',
  attempts: 'rel_attempts_total',
  retries: 'rel_retries_total',
  budgetRefusals: 'rel_budget_refusals_total',
  fallbacks: 'rel_fallbacks_total',
} as const;

/**
 * Reads @rel's Prometheus counters from the registry the manager reports into (the same
 * numbers `/metrics` serves) and sums them per service. The report takes attempts,
 * retries, budget refusals and fallbacks from here, not from the demo's own counting.
 *
 * @example
 * ```ts
 * const metrics = await readServiceMetrics(service.registry);
 * metrics.openai?.retries;
 * ```
 */
export async function readServiceMetrics(registry: Registry): Promise<Record<string, ServiceMetrics>> {
  const json = await registry.getMetricsAsJSON();
  const out = new Map<string, { -readonly [K in keyof ServiceMetrics]: ServiceMetrics[K] }>();
  const of = (service: string) => {
    let m = out.get(service);
    if (m === undefined) {
      m = { calls: 0, attempts: 0, retries: 0, budgetRefusals: 0, fallbacks: 0, outcomes: {} };
      out.set(service, m);
    }
    return m;
  };
  for (const metric of json) {
    const field = (Object.keys(NAMES) as Array<keyof typeof NAMES>).find((k) => NAMES[k] === metric.name);
    if (field === undefined) continue;
    for (const { value, labels } of metric.values) {
      const service = labels['service'];
      if (typeof service !== 'string') continue;
      const m = of(service);
      m[field] += value;
      if (field === 'calls') {
        const outcome = String(labels['outcome'] ?? '?');
        m.outcomes = { ...m.outcomes, [outcome]: (m.outcomes[outcome] ?? 0) + value };
      }
    }
  }
  return Object.fromEntries(out);
}
