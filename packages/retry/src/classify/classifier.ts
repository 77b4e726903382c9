import { CLASSIFIER_DOMAINS, RelConfigError, type ClassifierDomain } from '@rel/config';
import { extractFacts } from './facts.js';
import { compileMatchers } from './matchers.js';
import { abortRule, programmerErrorRule } from './rules/abort.js';
import { databaseRule } from './rules/database.js';
import { fileRule } from './rules/file.js';
import { httpStatusRule } from './rules/http.js';
import { llmRule } from './rules/llm.js';
import { networkRule } from './rules/network.js';
import { relErrorRule } from './rules/rel.js';
import { websocketRule } from './rules/websocket.js';
import type {
  Classification,
  Classifier,
  ClassifierOptions,
  ClassifierRule,
  ClassifyCallOptions,
  ErrorFacts,
} from './types.js';
import { complete, verdict } from './verdict.js';

type BuiltinRule = (value: unknown, facts: ErrorFacts) => Classification | undefined;

/** Domain rules, tried after our own errors and abort signals, before the generic rules. */
const DOMAIN_RULES: Readonly<Record<ClassifierDomain, readonly BuiltinRule[]>> = {
  default: [],
  http: [],
  llm: [llmRule],
  database: [databaseRule],
  file: [fileRule],
  websocket: [websocketRule],
};

/** Domains that read returned values: a `Response`-like result with a failing status. */
const RESULT_DOMAINS: ReadonlySet<ClassifierDomain> = new Set(['http', 'llm']);

const SUCCESS: Classification = Object.freeze(verdict('success', 'returned'));
// The documented default for anything no rule recognises: retried, as the legacy handler
// did (its retryable set was `(Exception,)`). Programming errors are the exception above.
const UNKNOWN: Classification = Object.freeze(
  verdict('transient', 'unrecognised failure (retried by default)'),
);

function isResponseLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { status?: unknown; statusCode?: unknown; headers?: unknown; ok?: unknown };
  const status = v.status ?? v.statusCode;
  return typeof status === 'number' && (typeof v.headers === 'object' || typeof v.ok === 'boolean');
}

function builtin(domain: ClassifierDomain, value: unknown, facts: ErrorFacts): Classification {
  const fixed = relErrorRule(value, facts) ?? abortRule(value, facts);
  if (fixed) return fixed;
  for (const rule of DOMAIN_RULES[domain]) {
    const found = rule(value, facts);
    if (found) return found;
  }
  return (
    networkRule(value, facts) ?? httpStatusRule(value, facts) ?? programmerErrorRule(value, facts) ?? UNKNOWN
  );
}

/**
 * Builds a classifier: `(errorOrResult) -> { kind, retryable, retryAfterMs?, reason }`.
 *
 * Order of decision:
 * 1. user `rules`, in order (the first verdict wins), else the built-in rules: our own
 *    errors, abort signals, the domain's rules, network codes, HTTP statuses, programming
 *    errors, and finally "unrecognised" = `transient` (retried, like the legacy handler);
 * 2. `neverRetryOn`: any match makes it `permanent` (wins over everything);
 * 3. `retryOn`: a match turns a `permanent` verdict into a retryable `transient`
 *    (cancellations, open circuits, deadlines and budgets stay as they are);
 * 4. a retryable verdict carries the server's hint (`Retry-After`, `retry-after-ms`, or a
 *    `retryAfterMs` property) as `retryAfterMs`.
 *
 * Results (`{ result: true }`) are failures only in the `http` and `llm` domains and only
 * when `Response`-like (a numeric `status` plus `headers` or `ok`) with a status >= 400;
 * anything else returned is `success`.
 *
 * @throws {@link RelConfigError} for an unknown domain, a bad matcher or a rule that is not a function.
 * @example
 * ```ts
 * const classify = createClassifier({ domain: 'database', neverRetryOn: [{ code: '40P01' }] });
 * classify(Object.assign(new Error('deadlock'), { code: '40P01' })).retryable; // false
 * ```
 */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const domain = options.domain ?? 'default';
  if (!CLASSIFIER_DOMAINS.includes(domain)) {
    throw new RelConfigError(
      [
        {
          path: 'domain',
          received: domain,
          expected: `one of ${CLASSIFIER_DOMAINS.map((d) => `"${d}"`).join(' | ')}`,
        },
      ],
      'classifier options',
    );
  }
  const never = compileMatchers(options.neverRetryOn, 'neverRetryOn');
  const retryOn = compileMatchers(options.retryOn, 'retryOn');
  const rules: readonly ClassifierRule[] = options.rules ?? [];
  rules.forEach((rule, i) => {
    if (typeof rule !== 'function') {
      throw new RelConfigError(
        [
          {
            path: `rules[${i}]`,
            received: rule,
            expected: 'a function (value, facts) => verdict | undefined',
          },
        ],
        'classifier options',
      );
    }
  });
  const readsResults = RESULT_DOMAINS.has(domain);

  const classifier = (value: unknown, call: ClassifyCallOptions = {}): Classification => {
    const isResult = call.result === true;
    if (isResult && (!readsResults || !isResponseLike(value))) return SUCCESS;
    const facts = extractFacts(value, call.now ?? Date.now(), isResult);
    if (isResult && (facts.status === undefined || facts.status < 400)) return SUCCESS;

    let found: Classification | undefined;
    for (let i = 0; i < rules.length && found === undefined; i++) {
      try {
        const r = rules[i]!(value, facts);
        if (r !== undefined) found = complete(r, `rules[${i}]`);
      } catch {
        // A throwing user rule is skipped, never allowed to break the retry loop.
      }
    }
    found ??= builtin(domain, value, facts);

    for (let i = 0; i < never.length; i++) {
      if (never[i]!(value, facts, found.kind)) return verdict('permanent', `neverRetryOn[${i}] matched`);
    }
    if (found.kind === 'permanent') {
      for (let i = 0; i < retryOn.length; i++) {
        if (retryOn[i]!(value, facts, found.kind)) {
          return verdict('transient', `retryOn[${i}] matched (${found.reason})`, facts.retryAfterMs);
        }
      }
    }
    if (found.retryable && found.retryAfterMs === undefined && facts.retryAfterMs !== undefined) {
      return verdict(found.kind, found.reason, facts.retryAfterMs, true);
    }
    return found;
  };
  return Object.assign(classifier, { readsResults });
}

const byDomain = new Map<ClassifierDomain, Classifier>();

/**
 * Classifies a thrown value (or, with `{ result: true }`, a returned one) with the
 * built-in rules of a domain. See {@link createClassifier} for the order of decision and
 * the README for the full table.
 *
 * @example
 * ```ts
 * classify(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } })); // transient, retryable
 * classify(Object.assign(new Error('overloaded'), { status: 529 }), { domain: 'llm' }); // overloaded
 * ```
 */
export function classify(
  valueOrError: unknown,
  options: { readonly domain?: ClassifierDomain; readonly now?: number; readonly result?: boolean } = {},
): Classification {
  const domain = options.domain ?? 'default';
  let classifier = byDomain.get(domain);
  if (!classifier) {
    classifier = createClassifier({ domain });
    byDomain.set(domain, classifier);
  }
  return classifier(valueOrError, options);
}
