import type { ClassifierDomain } from '@rel/config';
import { classify } from '@rel/retry';

const predicates = new Map<ClassifierDomain, (error: unknown) => boolean>();

/**
 * "A failure this kind of dependency is known to recover from", by the canonical
 * classifier of `@rel/retry` (`database`: SQLSTATE classes and driver codes; `llm`:
 * provider statuses and error codes; `http`: statuses; `websocket`: close codes; `file`:
 * errno codes). Used where a legacy policy listed driver-specific Python exceptions
 * (`psycopg2.OperationalError`, `httpx.ConnectError`, ...) that have no JavaScript class.
 * Only a recognised signal counts: the classifier's catch-all for unknown errors (retried
 * by default there) is not taken, because a legacy list retried only what it named. One
 * predicate per domain, so configurations that use it compare equal.
 *
 * @example
 * ```ts
 * domainRetryable('database')(Object.assign(new Error('deadlock'), { code: '40P01' })); // true
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function domainRetryable(domain: ClassifierDomain): (error: unknown) => boolean {
  let predicate = predicates.get(domain);
  if (predicate === undefined) {
    // What an error no rule recognises gets: the catch-all verdict, told apart by its reason.
    const unrecognised = classify(new Error(''), { domain }).reason;
    predicate = (error: unknown) => {
      const verdict = classify(error, { domain });
      return verdict.retryable && verdict.reason !== unrecognised;
    };
    Object.defineProperty(predicate, 'name', { value: `${domain} classifier` });
    predicates.set(domain, predicate);
  }
  return predicate;
}
