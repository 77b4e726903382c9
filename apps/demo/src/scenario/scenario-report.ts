import type { CircuitState } from '@rel/circuit';
import type { HealthStatus } from '@rel/health';

/** A breaker transition as the report lists it. */
export interface TransitionEntry {
  readonly from: CircuitState;
  readonly to: CircuitState;
  readonly reason: string;
  /** The phase it happened in. */
  readonly phase: string;
  /** Time since the scenario started (ms). */
  readonly atMs: number;
}

/** One reliability instance in the report. */
export interface ServiceReport {
  readonly name: string;
  readonly kind: 'canonical' | 'legacy';
  /** Whether the config file configures it (its health is expected to recover in the scenario). */
  readonly configured: boolean;
  /** Logical calls the agents made (demo count). */
  readonly calls: number;
  /** From @rel's metrics: invocations, retries, budget refusals, fallbacks. */
  readonly attempts: number;
  readonly retries: number;
  readonly budgetRefusals: number;
  readonly fallbacks: number;
  /** Invocations the demo's operation counted. */
  readonly demoAttempts: number;
  /** Requests the upstream received from this service. */
  readonly upstreamRequests: number;
  readonly breaker: CircuitState | null;
  readonly transitions: readonly TransitionEntry[];
  /** Health status changes, in order (`healthy -> degraded`, ...). */
  readonly healthChanges: readonly string[];
  readonly health: { readonly status: HealthStatus; readonly score: number };
  /** The retry budget's settings, for its bound. */
  readonly budget: { readonly ratio: number; readonly minRetriesPerSecond: number } | null;
}

/** One phase: what the agents asked and what the upstream received. */
export interface PhaseReport {
  readonly name: string;
  readonly fault: string;
  readonly durationMs: number;
  /** Logical calls started during the phase. */
  readonly calls: number;
  /** Requests the upstream received during the phase. */
  readonly upstream: number;
}

/** One user's stream: sent by the server vs received by the user's WebSocket client. */
export interface UserReport {
  readonly userId: string;
  readonly sent: number;
  readonly headSeq: number;
  /** Sent entries the ledger had to drop (0 in a scenario). */
  readonly ledgerDropped: number;
  readonly received: number;
  /** Sent seqs never received (the first 10). */
  readonly lost: readonly number[];
  readonly lostCount: number;
  readonly duplicates: number;
  /** Received seqs that did not follow the previous one by exactly 1. */
  readonly gaps: number;
  /** Received events whose seq matched a sent one of another type or run. */
  readonly mismatched: number;
  /** Received events carrying another user's id. */
  readonly crossUser: number;
  /** Received events of runs that were never sent to this user. */
  readonly foreignRuns: number;
  readonly runs: { readonly started: number; readonly completed: number; readonly failed: number };
  /** Runs without exactly one terminal event as their last event. */
  readonly unterminatedRuns: number;
  /** Received events by type. */
  readonly byType: Readonly<Record<string, number>>;
  readonly resyncs: number;
  readonly reconnects: number;
}

/** Everything the final report says, as data (the test asserts on it). */
export interface ScenarioReport {
  readonly durationMs: number;
  readonly seed: number;
  readonly services: readonly ServiceReport[];
  readonly phases: readonly PhaseReport[];
  readonly upstream: { readonly received: number; readonly byAnswer: Readonly<Record<string, number>> };
  /** Logical calls over all services. */
  readonly calls: number;
  readonly users: readonly UserReport[];
  /** Whether every agent stopped (its run in progress ended) within the bound. */
  readonly agentsStopped: boolean;
  readonly legacy: {
    readonly service: string;
    /** The legacy `getSystemHealth()` score of the legacy agent. */
    readonly legacyScore: number | null;
    /** The compat layer's migration summary. */
    readonly migration: string;
    readonly namesUsed: readonly string[];
    /** Whether `/health` (health+json) and `/metrics` list the legacy instance. */
    readonly inHealthJson: boolean;
    readonly inMetrics: boolean;
  };
  /** The system health status at the end (`/health`). */
  readonly systemStatus: HealthStatus;
}

/** Upstream requests per logical call (0 without calls). */
export function amplification(upstream: number, calls: number): number {
  return calls === 0 ? 0 : upstream / calls;
}
