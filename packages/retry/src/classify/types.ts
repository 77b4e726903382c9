import type { ClassifierDomain, ErrorMatcher, OutcomeKind } from '@rel/config';

/**
 * The one verdict the retry engine, the breaker and health act on.
 *
 * @example
 * ```ts
 * classify(Object.assign(new Error('busy'), { status: 429, headers: { 'retry-after': '2' } }));
 * // { kind: 'rate_limited', retryable: true, retryAfterMs: 2000, reason: 'HTTP 429' }
 * ```
 */
export interface Classification {
  /** What the failure (or result) was. `success` only for results. */
  readonly kind: OutcomeKind;
  /** Whether trying again can help. Permanent failures are never retried. */
  readonly retryable: boolean;
  /** A server hint (Retry-After and friends) in ms: never retry earlier than this. */
  readonly retryAfterMs?: number;
  /** Why, in a few words (which rule or signal decided). */
  readonly reason: string;
}

/**
 * What a rule returns: a kind, and optionally the rest. `retryable` defaults to the kind's
 * usual answer (`transient`, `timeout`, `rate_limited`, `overloaded` are retryable).
 */
export interface RuleVerdict {
  readonly kind: OutcomeKind;
  readonly retryable?: boolean;
  readonly retryAfterMs?: number;
  readonly reason?: string;
}

/** Something that holds HTTP headers: a fetch `Headers` (or anything with `get`) or a plain object. */
export type HeaderSource =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/**
 * The signals read once from a value (and its `cause` chain) before the rules run, so
 * each rule is a few comparisons.
 */
export interface ErrorFacts {
  /** The value being classified. */
  readonly value: unknown;
  /** The value, its `cause`, the cause's cause ... (at most 8 deep; AggregateError's first error). */
  readonly chain: readonly unknown[];
  /** `name` of the value itself. */
  readonly name: string | undefined;
  /** `message` of the value itself ('' when none). */
  readonly message: string;
  /** The first string `code` along the chain (e.g. `ECONNRESET` under `TypeError: fetch failed`). */
  readonly code: string | undefined;
  /** Every string `code` along the chain, outermost first. */
  readonly codes: readonly string[];
  /** The first numeric `code`/`closeCode` along the chain (WebSocket close codes, driver errnos). */
  readonly numericCode: number | undefined;
  /** An HTTP status from `status`, `statusCode`, `response.status` or `$metadata.httpStatusCode`. */
  readonly status: number | undefined;
  /** A server hint in ms, from Retry-After headers or a `retryAfterMs` property. */
  readonly retryAfterMs: number | undefined;
  /** True when classifying a returned value rather than a thrown one. */
  readonly isResult: boolean;
  /** Clock time (ms since the epoch) used for HTTP-date hints. */
  readonly now: number;
}

/**
 * A classification rule: return a verdict to decide, or `undefined` to let the next rule
 * decide. User rules run before the domain's built-in rules.
 *
 * @example
 * ```ts
 * const quota: ClassifierRule = (error) =>
 *   error instanceof QuotaError ? { kind: 'permanent', reason: 'monthly quota used up' } : undefined;
 * ```
 */
export type ClassifierRule = (value: unknown, facts: ErrorFacts) => RuleVerdict | undefined;

/** Per-call inputs of a {@link Classifier}. */
export interface ClassifyCallOptions {
  /** Clock time for HTTP-date Retry-After values. @defaultValue `Date.now()` */
  readonly now?: number;
  /** Classify a returned value (a `Response`-like object) instead of a thrown one. @defaultValue false */
  readonly result?: boolean;
}

/** A compiled classifier: `(valueOrError) -> Classification`. Never throws. */
export interface Classifier {
  (valueOrError: unknown, options?: ClassifyCallOptions): Classification;
  /**
   * True when it classifies returned values too (the `http` and `llm` rule sets): a retry
   * handler then passes every result through it. Set by {@link createClassifier}.
   */
  readonly readsResults?: boolean;
}

/** Options of {@link createClassifier}. */
export interface ClassifierOptions {
  /** Built-in rule set. @defaultValue 'default' */
  readonly domain?: ClassifierDomain;
  /** Matchers that make an otherwise permanent failure retryable (as `transient`). */
  readonly retryOn?: readonly ErrorMatcher[];
  /** Matchers that make a failure permanent; they win over everything else. */
  readonly neverRetryOn?: readonly ErrorMatcher[];
  /** Rules tried before the built-in ones, in order. */
  readonly rules?: readonly ClassifierRule[];
}
