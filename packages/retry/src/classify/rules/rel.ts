import { isRelError, REL_ERROR_CODES, type AttemptRecord, type OutcomeKind } from '@rel/config';
import { verdict } from '../verdict.js';
import type { Classification, ErrorFacts } from '../types.js';

/**
 * Our own errors, recognised by their `Symbol.for` brand (so copies from a duplicate
 * install count too) and mapped to their kinds:
 *
 * | error | kind | retryable |
 * | --- | --- | --- |
 * | `AttemptTimeoutError` | `timeout` | yes |
 * | `CircuitOpenError` | `circuit_open` (with its `retryAfterMs`) | no |
 * | `CancelledError` | `cancelled` | no |
 * | `DeadlineExceededError` | `deadline_exceeded` | no |
 * | `BudgetExhaustedError` | `budget_exhausted` | no |
 * | `BulkheadRejectedError` | `bulkhead_rejected` | no |
 * | `RetryExhaustedError` | the last attempt's kind | no: retry at one layer only |
 * | `NonRetryableError`, config and state errors | `permanent` | no |
 *
 * A nested `RetryExhaustedError` is not retried again: an outer retry around an inner one
 * multiplies load (4 attempts over 3 layers is 64x), which is what budgets exist to stop.
 *
 * @example
 * ```ts
 * relErrorRule(new CircuitOpenError('open', { circuit: 'llm', state: 'open', retryAfterMs: 500 }), facts);
 * // { kind: 'circuit_open', retryable: false, retryAfterMs: 500, reason: 'REL_CIRCUIT_OPEN' }
 * ```
 */
export function relErrorRule(value: unknown, facts: ErrorFacts): Classification | undefined {
  if (!isRelError(value)) return undefined;
  const code = value.code;
  switch (code) {
    case REL_ERROR_CODES.ATTEMPT_TIMEOUT:
      return verdict('timeout', code);
    case REL_ERROR_CODES.CIRCUIT_OPEN:
      return verdict('circuit_open', code, facts.retryAfterMs);
    case REL_ERROR_CODES.CANCELLED:
      return verdict('cancelled', code);
    case REL_ERROR_CODES.DEADLINE_EXCEEDED:
      return verdict('deadline_exceeded', code);
    case REL_ERROR_CODES.BUDGET_EXHAUSTED:
      return verdict('budget_exhausted', code);
    case REL_ERROR_CODES.BULKHEAD_REJECTED:
      return verdict('bulkhead_rejected', code);
    case REL_ERROR_CODES.RETRY_EXHAUSTED: {
      const attempts = (value as { attempts?: readonly AttemptRecord[] }).attempts ?? [];
      const last: OutcomeKind = attempts[attempts.length - 1]?.outcome ?? 'transient';
      return verdict(last, `${code}: already retried by an inner handler`, undefined, false);
    }
    case REL_ERROR_CODES.NON_RETRYABLE:
    case REL_ERROR_CODES.CONFIG_INVALID:
    case REL_ERROR_CODES.INVALID_EVENT:
    case REL_ERROR_CODES.INVALID_STATE:
    case REL_ERROR_CODES.REGISTRY_CONFLICT:
    case REL_ERROR_CODES.SNAPSHOT_INVALID:
      return verdict('permanent', code);
    default:
      // A code added later falls through to the other rules rather than guessing here.
      return undefined;
  }
}
