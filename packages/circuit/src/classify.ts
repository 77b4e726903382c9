import { isRelError, type OutcomeKind } from '@rel/config';

/**
 * Maps a thrown value to an {@link OutcomeKind}, deciding whether it counts against the
 * breaker (see `failureKinds`). Used by `execute()` and `tryExecute()`; the retry engine
 * classifies on its own and reports kinds through `release()`.
 *
 * @example
 * ```ts
 * const classify: OutcomeClassifier = (e) => (e instanceof ValidationError ? 'permanent' : 'transient');
 * ```
 */
export type OutcomeClassifier = (error: unknown) => OutcomeKind;

/**
 * The default classifier of `execute()`. Interim: it recognises cancellations (an
 * `AbortError`, or @rel's `CancelledError`) and counts every other error as `transient`.
 * It is replaced by the shared classifier of @rel/retry (`classify(error).kind`) as soon
 * as that is exported.
 */
export const defaultClassify: OutcomeClassifier = (error) => {
  if (isRelError(error, 'REL_CANCELLED')) return 'cancelled';
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  return 'transient';
};
