import {
  DEFAULT_RELIABILITY_CONFIG,
  InvalidStateError,
  RegistryConflictError,
  RelConfigError,
  systemClock,
  systemRandom,
  type Clock,
  type LoadedConfig,
  type ReliabilityConfig,
  type ReliabilityConfigInput,
} from '@rel/config';
import {
  HealthRegistry,
  toHealthJson,
  type HealthJson,
  type HealthJsonOptions,
  type SystemHealth,
} from '@rel/health';
import { InMemoryBudgetStore, type BudgetStore } from '@rel/retry';
import type { Logger } from 'pino';
import { EventDispatcher } from '../events/dispatcher.js';
import { ClockCell } from '../instance/clock-cell.js';
import { ReliabilityInstance } from '../instance/reliability-instance.js';
import { defaultLogger, serviceLogger } from '../logging/logger.js';
import { checkManagerOptions, type ReliabilityManagerOptions } from './manager-options.js';
import { MetricsBridge } from './metrics-bridge.js';
import { profileDifferences, resolveProfile } from './resolve-profile.js';

function checkName(name: unknown): string {
  if (typeof name === 'string' && name.length > 0 && name.length <= 200 && !name.includes(':')) return name;
  throw new RelConfigError(
    [{ path: 'name', received: name, expected: 'a non-empty string of at most 200 characters without ":"' }],
    'reliability instance',
  );
}

/**
 * The registry of named reliability instances of a process (or of a test): one instance
 * per dependency, each running the canonical pipeline of its profile, sharing the
 * manager's clock, logger, event dispatcher, health registry, retry budgets and metrics.
 *
 * - `get(name, profile)` is get-or-create: an equal profile returns the same instance; a
 *   different one throws `RegistryConflictError` naming the differences.
 * - `health()` is the system health as `application/health+json`; `metrics()` the
 *   Prometheus text (with the `metrics` option).
 *
 * @example
 * ```ts
 * const manager = new ReliabilityManager({ sinks: [wsServer], metrics: new HealthMetrics() });
 * const openai = manager.get('openai', LLM_RELIABILITY_PROFILE);
 * manager.fromConfig(await loadConfig({ file: 'rel.config.json' }));
 * app.get('/health', (_, res) => res.json(manager.health({ serviceId: 'agent-api' })));
 * ```
 */
export class ReliabilityManager {
  /** The event dispatcher every instance and run of this manager emits through. */
  readonly events: EventDispatcher;
  /** The health trackers of every instance (service name = instance name). */
  readonly healthRegistry: HealthRegistry;
  /** The manager's clock. */
  readonly clock: Clock;
  private readonly cell: ClockCell;
  private readonly options: ReliabilityManagerOptions;
  private readonly budgetStore: BudgetStore;
  private readonly bridge: MetricsBridge | undefined;
  private readonly defaultProfile: ReliabilityConfig;
  private readonly ownsDispatcher: boolean;
  private readonly instancesByName = new Map<string, ReliabilityInstance>();
  // Inputs already resolved to an instance's profile, so a repeated `get(name, sameObject)` is a map read.
  private readonly accepted = new WeakMap<object, ReliabilityInstance>();
  private closed = false;

  /** @throws `RelConfigError` naming every bad option. */
  constructor(options: ReliabilityManagerOptions = {}) {
    this.options = checkManagerOptions(options);
    const o = this.options;
    this.clock = o.clock ?? systemClock;
    this.cell = new ClockCell(this.clock);
    this.budgetStore = o.budgetStore ?? new InMemoryBudgetStore();
    this.defaultProfile =
      o.defaultProfile === undefined ? DEFAULT_RELIABILITY_CONFIG : resolveProfile(o.defaultProfile);
    this.healthRegistry = new HealthRegistry({ clock: this.cell });
    this.ownsDispatcher = !(o.sinks instanceof EventDispatcher);
    this.events =
      o.sinks instanceof EventDispatcher
        ? o.sinks
        : new EventDispatcher({
            clock: this.clock,
            ...(o.sinks === undefined ? {} : { sinks: o.sinks }),
            ...(o.logger === undefined ? {} : { logger: o.logger }),
          });
    this.bridge =
      o.metrics === undefined
        ? undefined
        : new MetricsBridge(
            o.metrics,
            this.healthRegistry,
            () => ({ instances: this.instances().map((i) => i.readings()), events: this.events.stats() }),
            this.logger,
          );
  }

  /** The manager's logger (the injected one, or the process default, created on first use). */
  get logger(): Logger {
    return this.options.logger ?? defaultLogger();
  }

  /**
   * The instance named `name`, created with `profile` on first use. Without `profile`, an
   * existing instance is returned as is, and a new one gets the manager's default profile.
   *
   * @param profile - a complete profile (`LLM_RELIABILITY_PROFILE`, `defineProfile(...)`)
   *   or a partial one (`{ profile: 'llm', retry: { maxAttempts: 2 } }`).
   * @throws `RegistryConflictError` when `name` exists with a different profile (the
   *   message lists the differing fields).
   * @throws `RelConfigError` for a bad name or profile; `InvalidStateError` after `close()`.
   */
  get(name: string, profile?: ReliabilityConfig | ReliabilityConfigInput): ReliabilityInstance {
    const existing = this.instancesByName.get(name);
    if (existing !== undefined) {
      if (profile === undefined || this.accepted.get(profile) === existing) return existing;
      const differences = profileDifferences(existing.config, resolveProfile(profile));
      if (differences.length > 0)
        throw new RegistryConflictError('reliability instance', name, differences.join('; '));
      this.accepted.set(profile, existing);
      return existing;
    }
    if (this.closed)
      throw new InvalidStateError('the reliability manager is closed; it creates no more instances');
    const config = profile === undefined ? this.defaultProfile : resolveProfile(profile);
    const instance = new ReliabilityInstance(checkName(name), config, {
      clock: this.cell,
      random: this.options.random ?? systemRandom,
      logger: serviceLogger(this.logger, name, this.options.redact),
      budgetStore: this.budgetStore,
      health: this.healthRegistry,
      metrics: this.bridge,
    });
    this.instancesByName.set(name, instance);
    if (profile !== undefined) this.accepted.set(profile, instance);
    return instance;
  }

  /**
   * Registers every service of a `loadConfig()` result (get-or-create each, so calling it
   * again with the same configuration is harmless). Returns the instances by name.
   *
   * @example
   * ```ts
   * const { openai, postgres } = manager.fromConfig(await loadConfig({ file: 'rel.config.json' }));
   * ```
   */
  fromConfig(loaded: LoadedConfig): Record<string, ReliabilityInstance> {
    const services = (loaded as Partial<LoadedConfig> | null)?.services;
    if (typeof services !== 'object' || services === null) {
      throw new RelConfigError(
        [
          {
            path: 'loaded',
            received: loaded,
            expected: 'the result of loadConfig() ({ services, sources, service() })',
          },
        ],
        'fromConfig',
      );
    }
    const out: Record<string, ReliabilityInstance> = {};
    for (const [name, config] of Object.entries(services)) out[name] = this.get(name, config);
    return out;
  }

  /** The instance named `name`, or `undefined` (never creates one). */
  find(name: string): ReliabilityInstance | undefined {
    return this.instancesByName.get(name);
  }

  /** True when an instance named `name` exists. */
  has(name: string): boolean {
    return this.instancesByName.has(name);
  }

  /** Instance names, in creation order. */
  names(): string[] {
    return [...this.instancesByName.keys()];
  }

  /** Every instance, in creation order. */
  instances(): ReliabilityInstance[] {
    return [...this.instancesByName.values()];
  }

  /** Health of every instance and the overall status (see `@rel/health`'s `HealthRegistry`). */
  systemHealth(): SystemHealth {
    for (const instance of this.instancesByName.values()) instance.syncBreaker();
    return this.healthRegistry.systemHealth();
  }

  /**
   * The system health as an `application/health+json` document: `status` pass / warn /
   * fail with per-instance checks (score, success rate, p95 latency, breaker state). Serve
   * it with `HEALTH_JSON_CONTENT_TYPE` and `healthHttpStatus(body.status)`.
   */
  health(options: HealthJsonOptions = {}): HealthJson {
    return toHealthJson(this.systemHealth(), options);
  }

  /**
   * The Prometheus text exposition: @rel/health's call, attempt, retry, budget, duration,
   * breaker and health metrics of every instance, plus core's fallback, bulkhead and event
   * metrics.
   *
   * @throws `InvalidStateError` (rejects) when the manager was created without `metrics`.
   */
  async metrics(): Promise<string> {
    if (this.bridge === undefined) {
      throw new InvalidStateError(
        'metrics were not configured: create the manager with `metrics: new HealthMetrics()` (from ' +
          '"@rel/health/prometheus") or `metrics: registry` (a prom-client Registry); prom-client is an ' +
          'optional peer dependency and must be installed',
      );
    }
    for (const instance of this.instancesByName.values()) instance.syncBreaker();
    return this.bridge.text();
  }

  /** The Content-Type of `metrics()` (Prometheus text format). */
  get metricsContentType(): string {
    return this.bridge?.contentType ?? 'text/plain; version=0.0.4; charset=utf-8';
  }

  /**
   * Stops creating instances and closes the event dispatcher it created (flushing and
   * closing its sinks); a dispatcher passed in is left to its owner. Instances keep
   * working for calls already holding them (they own no timers). Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsDispatcher) await this.events.close();
  }
}
