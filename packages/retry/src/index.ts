// @rel/retry: the one retry engine of @rel. Curated: everything public is listed here.

// The engine.
export { UnifiedRetryHandler } from './engine/unified-retry-handler.js';
export type { RetryHandlerOptions } from './engine/handler-inputs.js';
export type {
  AttemptContext,
  ExecuteOptions,
  Operation,
  RetryFailure,
  RetryResult,
  RetrySuccess,
} from './engine/types.js';
export type { AttemptFailureEvent, GiveUpEvent, RetryEvent, SuccessEvent } from './engine/events.js';

// The admission contract the circuit breaker implements.
export type { AttemptGate } from './admission.js';

// Backoff: pure values.
export { createBackoff, backoffSchedule } from './backoff/create-backoff.js';
export { INITIAL_BACKOFF_STATE } from './backoff/types.js';
export type { Backoff, BackoffInput, BackoffOptions, BackoffState, BackoffStep } from './backoff/types.js';
export { fixedDelay } from './backoff/fixed.js';
export { linearDelay } from './backoff/linear.js';
export { exponentialDelay } from './backoff/exponential.js';
export { fibonacci, fibonacciDelay } from './backoff/fibonacci.js';
export { decorrelatedDelay } from './backoff/decorrelated.js';
export { customDelay } from './backoff/custom.js';
export { applyJitter, equalJitter, fullJitter, proportionalJitter } from './backoff/jitter.js';

// Classification.
export { classify, createClassifier } from './classify/classifier.js';
export { isRetryableKind } from './classify/verdict.js';
export { parseRetryAfter, retryAfterFromHeaders } from './classify/retry-after.js';
export { statusKind } from './classify/rules/http.js';
export { sqlStateKind } from './classify/rules/database.js';
export { closeCodeKind } from './classify/rules/websocket.js';
export type {
  Classification,
  Classifier,
  ClassifierOptions,
  ClassifierRule,
  ClassifyCallOptions,
  ErrorFacts,
  HeaderSource,
  RuleVerdict,
} from './classify/types.js';

// Retry budget.
export { TokenBucketBudget } from './budget/token-bucket.js';
export { InMemoryBudgetStore, defaultBudgetStore } from './budget/budget-store.js';
export type { BudgetStore, RetryBudget, RetryBudgetSettings, RetryBudgetSnapshot } from './budget/types.js';
