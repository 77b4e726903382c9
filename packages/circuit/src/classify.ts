import type { OutcomeKind } from '@rel/config';
import { classify } from '@rel/retry';

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
 * The default classifier of `execute()`: the one shared classifier of @rel/retry
 * (`classify(error).kind`), so a breaker and a retry loop always agree on what a failure
 * is. Cancellations are `cancelled` and client errors `permanent`: neither trips a breaker
 * by default.
 */
export const defaultClassify: OutcomeClassifier = (error) => classify(error).kind;
