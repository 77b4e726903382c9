import type { RetryResult } from './retry-result.js';

/**
 * The legacy `RetryContext`: `execute()` (and `executeAsync()`) runs the call, stores the
 * legacy `RetryResult` in `result`, and returns the value or throws the final exception.
 * @deprecated Use `UnifiedRetryHandler#executeWithRetry` from `@rel/retry`. Removed in 2.0.0.
 */
export class RetryContext<T> {
  /** The result of the last `execute()`, if any. */
  result: RetryResult<T> | undefined;
  private readonly run: () => Promise<RetryResult<T>>;

  /** @internal Made by `UnifiedRetryHandler.retryContext`. */
  constructor(run: () => Promise<RetryResult<T>>) {
    this.run = run;
  }

  /** Runs the call; resolves to its value or throws the final exception. */
  async execute(): Promise<T> {
    const r = await this.run();
    this.result = r;
    if (r.success) return r.result as T;
    throw r.finalException;
  }

  /** The legacy async variant of {@link RetryContext.execute}. */
  executeAsync(): Promise<T> {
    return this.execute();
  }
}
