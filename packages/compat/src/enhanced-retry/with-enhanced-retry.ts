import { RelConfigError } from '@rel/config';
import { legacyInstance } from '../delegate/legacy-instance.js';
import { lastErrorOf } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import { preset, RetryStrategy } from './retry-strategy.js';
import { strategyProfile } from './strategy-profile.js';

let fallbackStrategy: RetryStrategy | undefined;

/** @internal */
export function checkStrategy(strategy: unknown, path: string): RetryStrategy {
  if (strategy instanceof RetryStrategy) return strategy;
  throw new RelConfigError(
    [{ path, received: strategy, expected: 'a RetryStrategy (or APISpecificRetryStrategy, or a preset)' }],
    'enhanced retry',
  );
}

/**
 * The legacy `llm/enhanced_retry.with_enhanced_retry(strategy)` decorator: wraps a
 * function so that each call runs through a reliability instance of the process default
 * manager (`@rel/core`, service `llm_enhanced_retry`) with the strategy's attempts, delays
 * and `shouldRetry`. A refused error is rethrown at once; after the last attempt the last
 * error is thrown. Arguments and `this`-free calls pass through unchanged.
 *
 * @param strategy - @defaultValue `new RetryStrategy()` (5 attempts, 1 s, x2, cap 60 s)
 * @deprecated Use `ReliabilityInstance#execute` (`@rel/core`) with an LLM profile
 * (`LLM_RELIABILITY_PROFILE`). Removed in 2.0.0 (REL_DEP008).
 * @example
 * ```ts
 * const complete = withEnhancedRetry(OPENAI_RETRY)(async (prompt: string) => client.complete(prompt));
 * await complete('Hello');
 * ```
 */
export function withEnhancedRetry(
  strategy?: RetryStrategy,
): <A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>) => (...args: A) => Promise<R> {
  useLegacy('REL_DEP008');
  const s =
    strategy === undefined
      ? (fallbackStrategy ??= preset('REL_DEP008', () => new RetryStrategy()))
      : checkStrategy(strategy, 'strategy');
  if (strategy !== undefined) useLegacy(s.deprecationCode);
  return <A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>) => {
    if (typeof fn !== 'function') {
      throw new RelConfigError([{ path: 'func', received: fn, expected: 'a function' }], 'withEnhancedRetry');
    }
    const operation = fn.name || 'anonymous';
    const wrapped = async (...args: A): Promise<R> => {
      useLegacy('REL_DEP008');
      const r = await legacyInstance(strategyProfile('llm_enhanced_retry', s, false)).run(() => fn(...args), {
        operation,
      });
      if (r.success) return r.value;
      throw lastErrorOf(r);
    };
    Object.defineProperty(wrapped, 'name', { value: fn.name });
    return wrapped;
  };
}
