import { NonRetryableError } from '@rel/config';
import { isOperationFailure } from '../legacy-errors/error-families.js';

// The stops this module created, to give callers the operation's own error back.
const stops = new WeakSet<object>();

function stop(error: unknown, retryable: (error: unknown) => boolean): unknown {
  if (!isOperationFailure(error)) return error;
  let retry: boolean;
  try {
    retry = retryable(error) === true;
  } catch {
    // A rule that throws cannot vouch for a retry: the operation's own error ends the call.
    retry = false;
  }
  if (retry) return error;
  const wrapped = new NonRetryableError('not retryable for this call (legacy error rule)', { cause: error });
  stops.add(wrapped);
  return wrapped;
}

/**
 * Applies a per-call legacy rule (`RetryManager`'s per-call retryable set, `RetryHandler`'s
 * `errorClassifier`): a failure the rule refuses is rethrown as a `NonRetryableError`
 * (cause: the failure), which the canonical classifier never retries. Per-call rules live
 * here rather than in the profile, so an inline arrow passed on every call does not make
 * a new profile (and a new reliability instance) per call.
 * @internal
 */
export function guardOperation<T>(
  op: () => T | PromiseLike<T>,
  retryable: (error: unknown) => boolean,
): () => Promise<T> {
  return () => {
    let result: T | PromiseLike<T>;
    try {
      result = op();
    } catch (error) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a legacy operation may throw anything; it is passed on as thrown
      return Promise.reject(stop(error, retryable));
    }
    return Promise.resolve(result).then(undefined, (error: unknown) =>
      Promise.reject(stop(error, retryable) as Error),
    );
  };
}

/** The operation's own error behind a stop of {@link guardOperation} (anything else as is). @internal */
export function unwrapStop(error: unknown): unknown {
  return typeof error === 'object' && error !== null && stops.has(error) ? (error as Error).cause : error;
}
