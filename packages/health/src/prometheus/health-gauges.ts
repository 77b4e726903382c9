import { Gauge, type Registry } from 'prom-client';
import { BREAKER_STATES, type BreakerState } from '../score/breaker-state.js';
import { HEALTH_STATUSES } from '../score/health-status.js';
import type { TrackerReading } from './tracker-readings.js';

/** A breaker state set by hand (`HealthMetrics.setBreakerState`), with bounded labels. */
export interface ManualBreakerState {
  readonly service: string;
  readonly operation: string;
  readonly state: BreakerState;
}

/** What {@link registerHealthGauges} needs. */
export interface HealthGaugeSources {
  readonly prefix: string;
  readonly registers: Registry[];
  /** Reads every tracked tracker (called at each scrape). */
  readonly read: () => TrackerReading[];
  /** Breaker states set by hand, keyed `service\0operation`. */
  readonly breakers: ReadonlyMap<string, ManualBreakerState>;
}

/**
 * Registers the three scrape-time gauges: breaker state, health score and health status.
 * Their values are read in prom-client's `collect` hook, so nothing runs between scrapes.
 * State and status gauges are enum-style (one series per value, 1 for the current one),
 * which PromQL can filter on (`rel_health_status{status="critical"} == 1`).
 */
export function registerHealthGauges({ prefix, registers, read, breakers }: HealthGaugeSources): void {
  const pair = ['service', 'operation'] as const;
  new Gauge({
    name: `${prefix}circuit_breaker_state`,
    help: 'Circuit breaker state: 1 for the current state, 0 for the others.',
    labelNames: [...pair, 'state'],
    registers,
    collect(this: Gauge) {
      this.reset();
      const states = new Map(breakers);
      for (const r of read()) {
        // A tracker that knows its breaker state wins over a hand-set value for the same labels.
        if (r.breakerState) {
          states.set(`${r.service}\u0000${r.operation}`, {
            service: r.service,
            operation: r.operation,
            state: r.breakerState,
          });
        }
      }
      for (const { service, operation, state } of states.values()) {
        for (const s of BREAKER_STATES) this.set({ service, operation, state: s }, s === state ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: `${prefix}health_score`,
    help: 'Health score in [0, 1] (1 = fully healthy).',
    labelNames: pair,
    registers,
    collect(this: Gauge) {
      this.reset();
      for (const r of read()) this.set({ service: r.service, operation: r.operation }, r.score);
    },
  });
  new Gauge({
    name: `${prefix}health_status`,
    help: 'Health status: 1 for the current status, 0 for the others.',
    labelNames: [...pair, 'status'],
    registers,
    collect(this: Gauge) {
      this.reset();
      for (const r of read()) {
        for (const s of HEALTH_STATUSES) {
          this.set({ service: r.service, operation: r.operation, status: s }, s === r.status ? 1 : 0);
        }
      }
    },
  });
}
