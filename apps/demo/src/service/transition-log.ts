import type { CircuitState } from '@rel/circuit';
import { EventEmitter, type Disposable, type Event } from '@rel/config';
import type { ReliabilityManager } from '@rel/core';
import type { HealthStatus } from '@rel/health';

/** A breaker or health status change of one service, as the server saw it. */
export type ServiceTransition =
  | {
      readonly kind: 'breaker';
      readonly at: number;
      readonly service: string;
      readonly from: CircuitState;
      readonly to: CircuitState;
      readonly reason: string;
      /** When `to` is `open`: ms until it admits a probe. */
      readonly retryAfterMs?: number;
    }
  | {
      readonly kind: 'health';
      readonly at: number;
      readonly service: string;
      readonly from: HealthStatus;
      readonly to: HealthStatus;
      readonly score: number;
    };

/** Transitions kept for the page and the report. */
export const MAX_TRANSITIONS = 1_000;

/**
 * Every breaker transition (`UnifiedCircuitBreaker.onStateChange`) and health status change
 * (`HealthRegistry.onStatusChange`) of a manager's instances, in order, bounded. `watch()`
 * subscribes to breakers of instances created since the last call (the legacy agent's
 * instance appears on its first call), so call it after creating instances.
 *
 * @example
 * ```ts
 * const log = new TransitionLog(manager);
 * log.onTransition((t) => console.log(`${t.service}: ${t.from} -> ${t.to}`));
 * log.watch();
 * ```
 */
export class TransitionLog {
  private readonly emitter = new EventEmitter<ServiceTransition>();
  private readonly entries: ServiceTransition[] = [];
  private readonly watched = new Set<string>();
  private readonly subscriptions: Disposable[] = [];
  /** Every transition, as it happens. */
  readonly onTransition: Event<ServiceTransition> = this.emitter.event;

  private readonly manager: ReliabilityManager;

  constructor(manager: ReliabilityManager) {
    this.manager = manager;
    this.subscriptions.push(
      manager.healthRegistry.onStatusChange((change) => {
        // Per-operation trackers would repeat their service's change; the service-wide one speaks.
        if (change.operation !== undefined) return;
        this.add({
          kind: 'health',
          at: change.time,
          service: change.service,
          from: change.from,
          to: change.to,
          score: change.score,
        });
      }),
    );
    this.watch();
  }

  /** Subscribes to the breakers of instances not watched yet. Cheap when there is none. */
  watch(): void {
    for (const instance of this.manager.instances()) {
      if (this.watched.has(instance.name)) continue;
      this.watched.add(instance.name);
      const breaker = instance.breaker;
      if (breaker === undefined) continue;
      this.subscriptions.push(
        breaker.onStateChange((change) => {
          this.add({
            kind: 'breaker',
            at: change.at,
            service: instance.name,
            from: change.from,
            to: change.to,
            reason: change.reason,
            ...(change.retryAfterMs === undefined ? {} : { retryAfterMs: change.retryAfterMs }),
          });
        }),
      );
    }
  }

  /** The kept transitions, oldest first; only `service`'s when given. */
  list(service?: string): ServiceTransition[] {
    return service === undefined ? [...this.entries] : this.entries.filter((t) => t.service === service);
  }

  /** Stops listening. */
  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  private add(transition: ServiceTransition): void {
    if (this.entries.length >= MAX_TRANSITIONS) this.entries.shift();
    this.entries.push(transition);
    if (this.emitter.size > 0) this.emitter.emit(transition);
  }
}
