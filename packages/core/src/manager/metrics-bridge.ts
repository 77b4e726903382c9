import type { HealthRegistry } from '@rel/health';
import type { CallObservation, HealthMetrics } from '@rel/health/prometheus';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { registerCoreMetrics, type CoreReadings } from './core-metrics.js';

/** What the manager's `metrics` option accepts: @rel/health's Prometheus metrics, or a prom-client registry. */
export type MetricsOption = HealthMetrics | Registry;

const MAX_PENDING = 10_000;

const isHealthMetrics = (v: MetricsOption): v is HealthMetrics =>
  typeof (v as Partial<HealthMetrics>).observeCall === 'function';

/**
 * The manager's Prometheus side. prom-client is an optional peer dependency, so nothing
 * here imports it (or `@rel/health/prometheus`) statically: given a `HealthMetrics`, calls
 * are observed at once; given a bare `Registry`, a `HealthMetrics` is created on it through
 * a dynamic import, and observations made before it is loaded are held (up to 10 000,
 * then counted and logged) and replayed in order. Core's own metrics (fallbacks,
 * bulkheads, events) are read at scrape time. @internal
 */
export class MetricsBridge {
  /** Resolves once every metric is registered (`metrics()` awaits it). */
  readonly ready: Promise<void>;
  private metrics: HealthMetrics | undefined;
  private pending: Array<(m: HealthMetrics) => void> | undefined = [];
  private lost = 0;
  private readonly logger: Logger;

  constructor(input: MetricsOption, health: HealthRegistry, read: () => CoreReadings, logger: Logger) {
    this.logger = logger;
    const given = isHealthMetrics(input) ? input : undefined;
    const registry = given?.registry ?? (input as Registry);
    if (given !== undefined) {
      given.track(health);
      this.loaded(given);
    }
    this.ready = (async () => {
      if (given === undefined) {
        const { HealthMetrics: Metrics } = await import('@rel/health/prometheus');
        this.loaded(new Metrics({ registry, health }));
      }
      await registerCoreMetrics(registry, read, logger);
    })();
    // A failure is reported by `metrics()`, which awaits `ready`; never an unhandled rejection.
    this.ready.catch((error: unknown) =>
      logger.error({ err: error }, 'registering Prometheus metrics failed'),
    );
  }

  /** Counts one finished call (outcome, duration, attempts). */
  observeCall(observation: CallObservation): void {
    this.with((m) => m.observeCall(observation));
  }

  /** Counts one retry refused by the retry budget. */
  observeBudgetRefusal(service: string, operation: string | undefined): void {
    this.with((m) => m.observeBudgetRefusal(service, operation));
  }

  /** The text exposition of the registry. */
  async text(): Promise<string> {
    await this.ready;
    return this.metrics!.metrics();
  }

  /** The Content-Type of the text exposition. */
  get contentType(): string {
    return this.metrics?.contentType ?? 'text/plain; version=0.0.4; charset=utf-8';
  }

  private with(observe: (m: HealthMetrics) => void): void {
    const metrics = this.metrics;
    if (metrics !== undefined) {
      try {
        observe(metrics);
      } catch (error) {
        this.logger.error({ err: error }, 'a Prometheus observation failed');
      }
      return;
    }
    if (this.pending!.length < MAX_PENDING) this.pending!.push(observe);
    else if (this.lost++ === 0)
      this.logger.error(
        'Prometheus metrics are still loading; observations beyond 10 000 are counted as lost',
      );
  }

  private loaded(metrics: HealthMetrics): void {
    this.metrics = metrics;
    const pending = this.pending ?? [];
    this.pending = undefined;
    for (const observe of pending) this.with(observe);
    if (this.lost > 0) this.logger.error({ lost: this.lost }, 'Prometheus observations lost while loading');
  }
}
