import { OUTCOME_KINDS, type OutcomeKind } from '@rel/config';

/**
 * How health counts each outcome kind:
 *
 * | category    | kinds                                                                        | counted as |
 * | ----------- | ---------------------------------------------------------------------------- | ---------- |
 * | `success`   | `success`                                                                    | success; latency sample |
 * | `failure`   | `transient`, `timeout`, `rate_limited`, `overloaded`, `permanent`, `deadline_exceeded` | failure; latency sample; error history |
 * | `rejected`  | `circuit_open`, `budget_exhausted`, `bulkhead_rejected`                      | neither: the dependency was not called (the breaker state and budget level carry that signal) |
 * | `cancelled` | `cancelled`                                                                  | neither: the caller gave up, which says nothing about the dependency |
 *
 * `permanent` counts as a failure: it is what callers of the dependency experienced, and
 * the error history shows its kind so an operator can tell a bad request from an outage.
 */
export const OUTCOME_CATEGORIES = Object.freeze({
  success: 'success',
  transient: 'failure',
  timeout: 'failure',
  rate_limited: 'failure',
  overloaded: 'failure',
  permanent: 'failure',
  deadline_exceeded: 'failure',
  circuit_open: 'rejected',
  budget_exhausted: 'rejected',
  bulkhead_rejected: 'rejected',
  cancelled: 'cancelled',
} as const satisfies Record<OutcomeKind, 'success' | 'failure' | 'rejected' | 'cancelled'>);

/** The category of an outcome kind. */
export type OutcomeCategory = (typeof OUTCOME_CATEGORIES)[OutcomeKind];

/** Lane of each category in the window ring. */
export const LANE = Object.freeze({ success: 0, failure: 1, rejected: 2, cancelled: 3 });

/**
 * Per kind: `lane * 16 + index in OUTCOME_KINDS`, in a prototype-less table, so one
 * property read both validates a kind and gives its lane and counter.
 * @internal
 */
export const KIND_CODE: Readonly<Record<string, number | undefined>> = Object.assign(
  Object.create(null) as Record<string, number | undefined>,
  Object.fromEntries(OUTCOME_KINDS.map((kind, i) => [kind, LANE[OUTCOME_CATEGORIES[kind]] * 16 + i])),
);

/** {@link KIND_CODE} of `success`, checked before the table on the hot path. @internal */
export const SUCCESS_CODE: number = KIND_CODE.success!;
