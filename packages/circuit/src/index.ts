// @rel/circuit: the one circuit breaker of @rel, its strategies, snapshots and registry.

export { UnifiedCircuitBreaker } from './breaker.js';
export type { CircuitBreakerOptions } from './options.js';
export { CIRCUIT_STATES, TRANSITION_REASONS } from './state.js';
export type { CircuitState, TransitionReason, TripReason } from './state.js';
export type { CircuitRejection, CircuitStateChange, CircuitStoreError } from './events.js';
export type { CircuitFailure, CircuitRejected, CircuitResult, CircuitSuccess } from './result.js';
export type { CircuitStatus } from './status.js';
export type { OutcomeClassifier } from './classify.js';
export { baseOpenDuration, openDuration } from './open-duration.js';
export type { OpenDurationConfig } from './open-duration.js';
export { CircuitSnapshotSchema, parseCircuitSnapshot } from './snapshot.js';
export type {
  CircuitSnapshot,
  ConsecutiveStrategySnapshot,
  CountStrategySnapshot,
  StrategySnapshot,
  TimeStrategySnapshot,
} from './snapshot.js';
export { InMemoryCircuitStateStore } from './store.js';
export type { CircuitStateStore } from './store.js';
export { CircuitBreakerRegistry } from './registry.js';
