import { RelConfigError, type ValidationIssue } from '@rel/config';
import { guardOperation } from '../delegate/legacy-guard.js';
import { legacyInstance, legacyProfile } from '../delegate/legacy-instance.js';
import { lastErrorOf } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { ConversionNote } from '../legacy-config/conversion-note.js';
import { convertLegacySettings } from '../legacy-config/convert.js';
import { keepLegacyFields, readLegacyRetryConfig } from '../legacy-config/read-legacy-config.js';
import { compileLegacyErrorSet, type LegacyErrorSet } from '../legacy-errors/legacy-error-set.js';
import type { StrategyConfigInput } from './strategy-config.js';

/**
 * Where `exponentialBackoffRetry` takes its items from: a function returning a fresh
 * (async) iterable per attempt (an async generator function), or one iterable, which can
 * only be tried once.
 * @deprecated Use `ReliabilityInstance#execute` (`@rel/core`) around a function returning the value. Removed in 2.0.0 (REL_DEP059).
 */
export type RetrySource<T> = (() => AsyncIterable<T> | Iterable<T>) | AsyncIterable<T> | Iterable<T>;

/** The legacy executor's handler name, kept as the reliability instance name. */
const SERVICE = 'retry_strategy_executor';

function firstItem<T>(iterable: AsyncIterable<T> | Iterable<T>): Promise<IteratorResult<T>> {
  const it =
    Symbol.asyncIterator in iterable ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
  return Promise.resolve(it.next()).finally(() => it.return?.());
}

/**
 * The Era A `exponential_backoff_retry(async_generator_func, retry_config,
 * retryable_exceptions=(), exception_classifier=None, logger=None)` of
 * core/retry_strategy_executor: an async generator that yields the **first** item of the
 * source, retrying a failure to produce it with the legacy settings, through the reliability
 * instance `retry_strategy_executor` of the default manager (`@rel/core`):
 * `max_retries + 1` attempts, `min(base·2^(a-1), max_delay)` (multiplier always 2, no
 * jitter), an overall deadline of `timeout_seconds` (Era A default 600 s), every error
 * retried unless `retryableExceptions` is given (classes, predicates or names; an empty list
 * means every error) and `exceptionClassifier(error)` is not false.
 *
 * Behaviour change: pass a **function** (`exponentialBackoffRetry(() => stream(), cfg)`): it
 * is called again for every attempt. The legacy code iterated one generator object again
 * after a failure; a failed generator is closed, so every "retry" yielded nothing. Given
 * one iterable object, there is one attempt only. The legacy `logger` is accepted and not
 * used (the default manager's logger and retry events report retries); results are not
 * given a `retry_count` attribute.
 *
 * @deprecated Use `getDefaultManager().get(name, { retry }).execute(op)` from `@rel/core`
 * around a function returning the first item. Removed in 2.0.0 (REL_DEP059).
 * @example
 * ```ts
 * for await (const page of exponentialBackoffRetry(() => client.pages(query), { max_retries: 2, base_delay: 0.5 })) {
 *   render(page);
 * }
 * ```
 * @throws {@link RelConfigError} at call time for a bad source or config.
 */
export function exponentialBackoffRetry<T>(
  source: RetrySource<T>,
  retryConfig?: StrategyConfigInput,
  retryableExceptions?: LegacyErrorSet,
  exceptionClassifier?: ((error: unknown) => unknown) | null,
  _logger?: unknown,
): AsyncGenerator<T, void, undefined> {
  useLegacy('REL_DEP059');
  const issues: ValidationIssue[] = [];
  const restartable = typeof source === 'function';
  if (
    !restartable &&
    !(
      typeof source === 'object' &&
      source !== null &&
      (Symbol.asyncIterator in source || Symbol.iterator in source)
    )
  ) {
    issues.push({
      path: 'async_generator_func',
      received: source,
      expected: 'a function returning an (async) iterable, or an iterable',
    });
  }
  const notes: ConversionNote[] = [];
  const read = keepLegacyFields(
    readLegacyRetryConfig(retryConfig, 'retry_config', issues),
    ['maxRetries', 'baseDelay', 'maxDelay', 'timeoutSeconds'],
    'exponential_backoff_retry',
    notes,
  );
  const set =
    retryableExceptions === undefined || retryableExceptions.length === 0
      ? ['Exception']
      : retryableExceptions;
  if (issues.length > 0) throw new RelConfigError(issues, 'exponentialBackoffRetry arguments');
  const isRetryable = compileLegacyErrorSet(set, 'retryable_exceptions');
  const conversion = convertLegacySettings(
    { ...read.settings, strategy: 'exponential', backoffMultiplier: 2, retryableExceptions: ['Exception'] },
    { ...read.sources, backoffMultiplier: 'always 2.0 (legacy executor)' },
    notes,
    { defaults: { maxRetries: 3, baseDelay: 1, maxDelay: 300, timeoutSeconds: 600 } },
  );
  const profile = legacyProfile(SERVICE, ['exponential_backoff_retry', conversion.legacy], () => conversion);
  const attempt = guardOperation(
    () =>
      firstItem(
        restartable
          ? (source as () => AsyncIterable<T> | Iterable<T>)()
          : (source as AsyncIterable<T> | Iterable<T>),
      ),
    // One iterable object cannot be started again: its failure ends the call.
    (error) =>
      restartable &&
      isRetryable(error) &&
      (exceptionClassifier == null || Boolean(exceptionClassifier(error))),
  );
  const name = restartable
    ? (source as () => unknown).name || 'exponential_backoff_retry'
    : 'exponential_backoff_retry';
  return (async function* run(): AsyncGenerator<T, void, undefined> {
    const r = await legacyInstance(profile).run(attempt, { operation: name });
    if (!r.success) throw lastErrorOf(r);
    if (r.value.done !== true) yield r.value.value;
  })();
}
