import {
  EventEmitter,
  RegistryConflictError,
  RelConfigError,
  parseHealthConfig,
  systemClock,
  type Clock,
  type Event,
  type HealthConfig,
  type HealthConfigInput,
} from '@rel/config';
import type { BreakerStateSource } from '../score/breaker-state.js';
import { ReliabilityHealthTracker } from '../tracker/health-tracker.js';
import type { HealthStatusChange } from '../tracker/types.js';
import { checkName } from '../tracker/validate.js';
import {
  aggregateService,
  aggregateSystemStatus,
  countStatuses,
  type ServiceHealth,
  type ServiceHealthResult,
  type SystemHealth,
} from './system-health.js';

/** Options of a {@link HealthRegistry}. */
export interface HealthRegistryOptions {
  /** Configuration every new tracker starts from. @defaultValue `DEFAULT_HEALTH_CONFIG` */
  readonly config?: HealthConfig | HealthConfigInput;
  /** Time source for every tracker. @defaultValue `systemClock` */
  readonly clock?: Clock;
}

/** How to create a tracker in a {@link HealthRegistry}. */
export interface TrackerRegistration {
  /** Operation within the service; absent for the service-wide tracker. */
  readonly operation?: string;
  /** Fields layered over the registry's configuration. */
  readonly config?: HealthConfigInput;
  /** Whether the service counts in full towards system health. Per service. @defaultValue true */
  readonly essential?: boolean;
  /** Breaker state source (see `HealthTrackerOptions.breaker`). */
  readonly breaker?: BreakerStateSource;
  /** Budget level source (see `HealthTrackerOptions.budgetLevel`). */
  readonly budgetLevel?: () => number | undefined;
}

interface TrackerSources {
  readonly breaker: BreakerStateSource | undefined;
  readonly budgetLevel: (() => number | undefined) | undefined;
}

interface ServiceEntry {
  essential: boolean;
  /** Keyed by operation; '' is the service-wide tracker. */
  readonly trackers: Map<string, ReliabilityHealthTracker>;
}

/**
 * Every health tracker of a process, keyed by service and optional operation, and the
 * system health across them (rules in `aggregateSystemStatus()`: worst status wins,
 * non-essential services count at most as `degraded`).
 *
 * @example
 * ```ts
 * const health = new HealthRegistry({ config: { latencySloMs: 5_000 } });
 * health.tracker('openai', { operation: 'chat' }).record({ kind: 'success', durationMs: 900 });
 * health.tracker('search', { essential: false });
 * const json = toHealthJson(health.systemHealth(), { serviceId: 'agent-api' });
 * const one = health.serviceHealth('opneai'); // { found: false, knownServices: ['openai', 'search'], ... }
 * ```
 */
export class HealthRegistry {
  /** The configuration new trackers start from. */
  readonly config: HealthConfig;
  private readonly clock: Clock;
  private readonly entries = new Map<string, ServiceEntry>();
  private readonly changes = new EventEmitter<HealthStatusChange>();
  private readonly sources = new WeakMap<ReliabilityHealthTracker, TrackerSources>();

  /** Fires when any tracker's status changes. */
  readonly onStatusChange: Event<HealthStatusChange> = this.changes.event;

  constructor(options: HealthRegistryOptions = {}) {
    this.config = parseHealthConfig(options.config);
    this.clock = options.clock ?? systemClock;
  }

  /**
   * The tracker of `service` (and `registration.operation`), created on first use. Asking
   * again with a different configuration, breaker, budget source or `essential` flag
   * throws `RegistryConflictError`: a registry never replaces a tracker silently.
   */
  tracker(service: string, registration: TrackerRegistration = {}): ReliabilityHealthTracker {
    const op = registration.operation ?? '';
    const entry = this.entries.get(service);
    const existing = entry?.trackers.get(op);
    if (entry && registration.essential !== undefined && registration.essential !== entry.essential) {
      throw new RegistryConflictError('health service', service, `essential is ${entry.essential}`);
    }
    if (existing) {
      // The common call (a lookup with no options) costs two map reads.
      const sources = this.sources.get(existing);
      const conflict =
        registration.config !== undefined && !sameConfig(existing.config, this.configFor(registration))
          ? 'the health configuration differs'
          : (registration.breaker !== undefined && registration.breaker !== sources?.breaker) ||
              (registration.budgetLevel !== undefined && registration.budgetLevel !== sources?.budgetLevel)
            ? 'it was created with other breaker or budget sources'
            : undefined;
      if (conflict)
        throw new RegistryConflictError('health tracker', op === '' ? service : `${service}/${op}`, conflict);
      return existing;
    }
    checkServiceName(service);
    const config = this.configFor(registration);
    const tracker = new ReliabilityHealthTracker(service, config, {
      clock: this.clock,
      ...(registration.operation === undefined ? {} : { operation: registration.operation }),
      ...(registration.breaker === undefined ? {} : { breaker: registration.breaker }),
      ...(registration.budgetLevel === undefined ? {} : { budgetLevel: registration.budgetLevel }),
    });
    tracker.onStatusChange((change) => this.changes.emit(change));
    this.sources.set(tracker, { breaker: registration.breaker, budgetLevel: registration.budgetLevel });
    if (entry) entry.trackers.set(op, tracker);
    else
      this.entries.set(service, {
        essential: registration.essential ?? true,
        trackers: new Map([[op, tracker]]),
      });
    return tracker;
  }

  private configFor(registration: TrackerRegistration): HealthConfig {
    return registration.config === undefined
      ? this.config
      : parseHealthConfig(registration.config, this.config);
  }

  /** The tracker of `service` / `operation`, or `undefined` when there is none. */
  get(service: string, operation?: string): ReliabilityHealthTracker | undefined {
    return this.entries.get(service)?.trackers.get(operation ?? '');
  }

  /** Tracked service names, sorted. */
  services(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Every tracker. */
  trackers(): ReliabilityHealthTracker[] {
    return [...this.entries.values()].flatMap((e) => [...e.trackers.values()]);
  }

  /** Removes a tracker (the service goes when its last tracker does). Returns whether one was removed. */
  remove(service: string, operation?: string): boolean {
    const entry = this.entries.get(service);
    if (!entry?.trackers.delete(operation ?? '')) return false;
    if (entry.trackers.size === 0) this.entries.delete(service);
    return true;
  }

  /** Health of one service, or `{ found: false, knownServices, message }` for an unknown name. */
  serviceHealth(service: string): ServiceHealthResult {
    const entry = this.entries.get(service);
    if (entry) return { found: true, health: this.readService(service, entry) };
    const knownServices = this.services();
    const known = knownServices.length === 0 ? 'none' : knownServices.map((s) => `"${s}"`).join(', ');
    return {
      found: false,
      service,
      knownServices,
      message: `no health is tracked for service "${service}"; known services: ${known}`,
    };
  }

  /** Health of every service and the overall status. */
  systemHealth(): SystemHealth {
    const services = this.services().map((name) => this.readService(name, this.entries.get(name)!));
    return {
      status: aggregateSystemStatus(services),
      time: this.clock.now(),
      services,
      counts: countStatuses(services),
    };
  }

  private readService(service: string, entry: ServiceEntry): ServiceHealth {
    const ops = [...entry.trackers.keys()].sort();
    return aggregateService(
      service,
      entry.essential,
      ops.map((op) => entry.trackers.get(op)!.snapshot()),
    );
  }
}

function checkServiceName(service: string): void {
  checkName(service, 'service', 'health registry');
  // health+json keys are "<service>:<measurement>"; a colon in the name would make them ambiguous.
  if (service.includes(':')) {
    throw new RelConfigError(
      [
        {
          path: 'service',
          received: service,
          expected: 'a name without ":" (it separates service and measurement in health+json)',
        },
      ],
      'health registry',
    );
  }
}

function sameConfig(a: HealthConfig, b: HealthConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof HealthConfig)[]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
