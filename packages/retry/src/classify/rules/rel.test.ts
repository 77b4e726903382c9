import {
  AttemptTimeoutError,
  BudgetExhaustedError,
  CancelledError,
  CircuitOpenError,
  DeadlineExceededError,
  NonRetryableError,
  RelConfigError,
  RetryExhaustedError,
  type ClassifierDomain,
  type OutcomeKind,
} from '@rel/config';
import { describe, expect, it } from 'vitest';
import { classify } from '../classifier.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** Table rows: label, value, expected kind, expected retryable. */
type Row = readonly [label: string, value: unknown, kind: OutcomeKind, retryable: boolean];
const check = (domain: ClassifierDomain, rows: readonly Row[]): void => {
  it.each(rows)('%s', (_label, value, kind, retryable) => {
    const c = classify(value, { domain, now: NOW });
    expect({ kind: c.kind, retryable: c.retryable }).toEqual({ kind, retryable });
    expect(c.reason.length).toBeGreaterThan(0);
  });
};

describe('@rel errors map to their kinds', () => {
  const attempts = [{ attempt: 1, startedAt: 0, durationMs: 1, outcome: 'rate_limited' as const }];
  check('default', [
    ['AttemptTimeoutError', new AttemptTimeoutError(100, 1), 'timeout', true],
    [
      'CircuitOpenError',
      new CircuitOpenError('open', { circuit: 'c', state: 'open', retryAfterMs: 5 }),
      'circuit_open',
      false,
    ],
    ['CancelledError', new CancelledError('cancelled'), 'cancelled', false],
    ['DeadlineExceededError', new DeadlineExceededError('late'), 'deadline_exceeded', false],
    ['BudgetExhaustedError', new BudgetExhaustedError('no budget'), 'budget_exhausted', false],
    ['NonRetryableError', new NonRetryableError('nope'), 'permanent', false],
    ['RelConfigError', new RelConfigError([]), 'permanent', false],
    [
      'RetryExhaustedError (inner retry: not again)',
      new RetryExhaustedError('gave up', { attempts }),
      'rate_limited',
      false,
    ],
  ]);

  it('CircuitOpenError keeps its retry-after hint', () => {
    const c = classify(new CircuitOpenError('open', { circuit: 'c', state: 'open', retryAfterMs: 1_234 }));
    expect(c.retryAfterMs).toBe(1_234);
  });
});
