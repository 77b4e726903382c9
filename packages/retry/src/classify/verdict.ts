import type { OutcomeKind } from '@rel/config';
import type { Classification, RuleVerdict } from './types.js';

/** Kinds that are worth another attempt unless a rule says otherwise. */
const RETRYABLE_KINDS: ReadonlySet<OutcomeKind> = new Set([
  'transient',
  'timeout',
  'rate_limited',
  'overloaded',
]);

/**
 * Whether a kind is retryable by default: `transient`, `timeout`, `rate_limited` and
 * `overloaded` are; `permanent`, `cancelled`, `circuit_open`, `budget_exhausted`,
 * `bulkhead_rejected`, `deadline_exceeded` (and `success`) are not.
 *
 * @example
 * ```ts
 * isRetryableKind('rate_limited'); // true
 * ```
 */
export function isRetryableKind(kind: OutcomeKind): boolean {
  return RETRYABLE_KINDS.has(kind);
}

/**
 * Builds a {@link Classification}: `retryable` from the kind unless given, `retryAfterMs`
 * only when known (so the object never carries an `undefined` hint).
 *
 * @example
 * ```ts
 * verdict('timeout', 'ETIMEDOUT'); // { kind: 'timeout', retryable: true, reason: 'ETIMEDOUT' }
 * ```
 */
export function verdict(
  kind: OutcomeKind,
  reason: string,
  retryAfterMs?: number,
  retryable: boolean = isRetryableKind(kind),
): Classification {
  return retryAfterMs === undefined ? { kind, retryable, reason } : { kind, retryable, retryAfterMs, reason };
}

/** Completes a rule's partial verdict (default `retryable` and `reason`). @internal */
export function complete(rule: RuleVerdict, fallbackReason: string): Classification {
  return verdict(
    rule.kind,
    rule.reason ?? fallbackReason,
    rule.retryAfterMs,
    rule.retryable ?? isRetryableKind(rule.kind),
  );
}
