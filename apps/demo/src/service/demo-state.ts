import type { CircuitState } from '@rel/circuit';
import type { ReliabilityManager } from '@rel/core';
import type { HealthStatus } from '@rel/health';
import { describeFault, type FaultSpec } from '../upstream/fault-modes.js';
import type { UpstreamCountsSnapshot } from '../upstream/upstream-counters.js';
import type { CallCounters } from './call-counters.js';
import type { EventLedger } from './event-ledger.js';
import type { TimelineSample } from './timeline.js';
import type { ServiceTransition } from './transition-log.js';

/** One reliability instance as the page shows it. */
export interface ServiceState {
  readonly name: string;
  /** `legacy` for instances behind @rel/compat names. */
  readonly kind: 'canonical' | 'legacy';
  readonly breaker: { readonly state: CircuitState; readonly retryAfterMs: number } | null;
  readonly health: { readonly status: HealthStatus; readonly score: number };
  /** Logical calls, operation invocations and retries the demo counted. */
  readonly calls: number;
  readonly attempts: number;
  readonly retries: number;
  /** The retry budget: tokens now, retries allowed and refused so far. */
  readonly budget: { readonly available: number; readonly allowed: number; readonly refused: number } | null;
  /** Calls a fallback answered. */
  readonly fallbacks: number;
}

/** What `GET /api/state` returns: everything the page draws. */
export interface DemoState {
  /** Clock time (ms). */
  readonly time: number;
  readonly startedAt: number;
  /** The scripted phase, when a scenario runs. */
  readonly phase: string | null;
  readonly fault: FaultSpec & { readonly description: string };
  readonly services: readonly ServiceState[];
  /** What the upstream received (`perSecond`: the last 90 seconds that saw requests). */
  readonly upstream: UpstreamCountsSnapshot & { readonly url: string };
  readonly timeline: readonly TimelineSample[];
  /** The last 50 breaker and health transitions, oldest first. */
  readonly transitions: readonly ServiceTransition[];
  /** Per user: events sent to the user's stream. */
  readonly users: ReadonlyArray<{
    readonly id: string;
    readonly eventsSent: number;
    readonly headSeq: number;
  }>;
}

/** The parts of the running service the state is read from. */
export interface StateSources {
  readonly manager: ReliabilityManager;
  readonly counters: CallCounters;
  readonly ledger: EventLedger;
  readonly users: readonly string[];
  readonly legacyServices: ReadonlySet<string>;
  readonly startedAt: number;
  readonly phase: string | null;
  readonly fault: FaultSpec;
  readonly upstreamUrl: string;
  readonly upstream: UpstreamCountsSnapshot;
  readonly timeline: readonly TimelineSample[];
  readonly transitions: readonly ServiceTransition[];
}

/**
 * Builds the page's state from the manager (breaker, health, budget, fallbacks of every
 * instance: reading them applies breaker transitions due by the clock), the demo's
 * counters, the upstream's counts and the event ledger.
 */
export function buildState(s: StateSources): DemoState {
  const system = s.manager.systemHealth();
  const byName = new Map(system.services.map((h) => [h.service, h]));
  const services = s.manager.instances().map((instance): ServiceState => {
    const status = instance.status();
    const health = byName.get(instance.name);
    const counts = s.counters.get(instance.name);
    return {
      name: instance.name,
      kind: s.legacyServices.has(instance.name) ? 'legacy' : 'canonical',
      breaker:
        status.circuit === undefined
          ? null
          : { state: status.circuit.state, retryAfterMs: status.circuit.retryAfterMs },
      health: { status: health?.status ?? status.health.status, score: health?.score ?? status.health.score },
      calls: counts.calls,
      attempts: counts.attempts,
      retries: counts.retries,
      budget:
        status.budget === undefined
          ? null
          : {
              available: status.budget.available,
              allowed: status.budget.allowed,
              refused: status.budget.refused,
            },
      fallbacks: Object.values(status.fallbacks.used).reduce((a, b) => a + b, 0),
    };
  });
  return {
    time: system.time,
    startedAt: s.startedAt,
    phase: s.phase,
    fault: { ...s.fault, description: describeFault(s.fault) },
    services,
    upstream: { ...s.upstream, perSecond: s.upstream.perSecond.slice(-90), url: s.upstreamUrl },
    timeline: s.timeline,
    transitions: s.transitions.slice(-50),
    users: s.users.map((id) => {
      const ledger = s.ledger.user(id);
      return { id, eventsSent: ledger.sent, headSeq: ledger.headSeq };
    }),
  };
}
