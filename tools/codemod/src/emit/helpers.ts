import { RETRYABLE_LLM_MESSAGES } from '@rel/compat';
import { literal } from './literal.js';

/**
 * The module-level helpers a migrated file may need, each written once per file (above the
 * profiles). They keep what the legacy code did where the canonical API says it differently:
 * the legacy retry rules and the legacy rejection value. Every one says so in a comment, so a
 * reader can drop it to take the canonical behaviour instead.
 */
export const HELPER_NAMES = [
  'isLegacyOperationFailure',
  'legacyRetryManagerRetryable',
  'legacyErrorText',
  'legacyLlmRetryable',
  'legacyApiRetryable',
  'legacyErrorOf',
  'rethrowLegacyError',
  'withLegacyRetry',
] as const;

/** One of {@link HELPER_NAMES}. */
export type HelperName = (typeof HELPER_NAMES)[number];

/** What a helper needs: other helpers, and canonical imports (`module` -> names; `type ` marks a type). */
interface HelperSpec {
  readonly needs: readonly HelperName[];
  readonly imports: Readonly<Record<string, readonly string[]>>;
  readonly text: string;
}

// The codes compat's `isConnectionError` / `isTimeoutError` know (legacy-errors/error-families.ts
// of @rel/compat); a test checks this helper against compat's own rule on a corpus of errors.
const CONNECTION_CODES = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ERR_STREAM_PREMATURE_CLOSE',
];
const TIMEOUT_CODES = [
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
];

const SPECS: Readonly<Record<HelperName, HelperSpec>> = {
  isLegacyOperationFailure: {
    needs: [],
    imports: { '@rel/config': ['isRelError', 'REL_ERROR_CODES'] },
    text: `// rel-migrate: the legacy retry rules below decide on the operation's own failures only; @rel's
// own errors (cancellation, open circuit, deadline, budget) keep their canonical meaning.
function isLegacyOperationFailure(error: unknown): boolean {
  if (isRelError(error)) return isRelError(error, REL_ERROR_CODES.ATTEMPT_TIMEOUT);
  return (error as { name?: unknown } | null | undefined)?.name !== 'AbortError';
}`,
  },
  legacyRetryManagerRetryable: {
    needs: [],
    imports: { '@rel/config': ['isRelError', 'REL_ERROR_CODES'] },
    text: `// rel-migrate: the legacy RetryManager retried connection errors, timeouts and plain Errors only
// (Python's ConnectionError, TimeoutError, RuntimeError) and stopped at once on anything else.
// The canonical default classifier retries every unrecognised failure instead.
function legacyRetryManagerRetryable(error: unknown): boolean {
  if (isRelError(error, REL_ERROR_CODES.ATTEMPT_TIMEOUT)) return true;
  if (error instanceof Error && (error.name === 'Error' || error.name === 'RuntimeError')) return true;
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  const named = ['ConnectionError', 'APIConnectionError', 'TimeoutError', 'APIConnectionTimeoutError'];
  if (typeof name === 'string' && named.includes(name)) return true;
  if (name === 'TypeError' && (message === 'fetch failed' || message === 'terminated')) return true;
  const codes = ${literal([...CONNECTION_CODES, ...TIMEOUT_CODES])};
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && codes.includes(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}`,
  },
  legacyErrorText: {
    needs: [],
    imports: {},
    text: `/** rel-migrate: Python's str(error), as the legacy LLM retry rules read it. */
function legacyErrorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}`,
  },
  legacyLlmRetryable: {
    needs: ['legacyErrorText'],
    imports: {},
    text: `// rel-migrate: the legacy LLM RetryStrategy retried an error only when its message named one of
// these conditions; the canonical 'llm' classifier reads statuses and provider codes instead.
function legacyLlmRetryable(error: unknown): boolean {
  const text = legacyErrorText(error).toLowerCase();
  return ${literal([...RETRYABLE_LLM_MESSAGES])}.some((word) => text.includes(word));
}`,
  },
  legacyApiRetryable: {
    needs: ['legacyErrorText', 'legacyLlmRetryable'],
    imports: {},
    text: `// rel-migrate: the legacy APISpecificRetryStrategy also refused authentication and bad requests.
function legacyApiRetryable(error: unknown): boolean {
  const text = legacyErrorText(error).toLowerCase();
  return legacyLlmRetryable(error) && !['401', 'unauthorized', '400', 'bad request'].some((word) => text.includes(word));
}`,
  },
  legacyErrorOf: {
    needs: [],
    imports: {},
    text: `// rel-migrate: legacy calls reported the operation's own last error; @rel reports a typed error
// (RetryExhaustedError, CircuitOpenError, ...) that holds it as \`cause\`. Use the typed error to drop this.
function legacyErrorOf(error: unknown): unknown {
  const cause = (error as { cause?: unknown } | null | undefined)?.cause;
  return cause === undefined ? error : cause;
}`,
  },
  rethrowLegacyError: {
    needs: ['legacyErrorOf'],
    imports: {},
    text: `function rethrowLegacyError(error: unknown): never {
  throw legacyErrorOf(error);
}`,
  },
  withLegacyRetry: {
    needs: ['rethrowLegacyError'],
    imports: { '@rel/core': ['getDefaultManager'], '@rel/config': ['type ReliabilityConfig'] },
    text: `// rel-migrate: what withEnhancedRetry(strategy)(fn) did: each call of the returned function runs
// fn through the reliability instance \`service\` of the default manager (@rel/core).
function withLegacyRetry<A extends unknown[], R>(
  service: string,
  profile: ReliabilityConfig,
  fn: (...args: A) => R | PromiseLike<R>,
): (...args: A) => Promise<R> {
  const operation = fn.name || 'anonymous';
  const wrapped = (...args: A): Promise<R> =>
    getDefaultManager().get(service, profile).execute(() => fn(...args), { operation }).catch(rethrowLegacyError);
  return Object.defineProperty(wrapped, 'name', { value: fn.name });
}`,
  },
};

/** The helpers `wanted` need, dependencies first, each once, in a stable order. */
export function helperClosure(wanted: Iterable<HelperName>): HelperName[] {
  const out = new Set<HelperName>();
  const add = (name: HelperName): void => {
    if (out.has(name)) return;
    for (const dep of SPECS[name].needs) add(dep);
    out.add(name);
  };
  for (const name of wanted) add(name);
  return HELPER_NAMES.filter((n) => out.has(n));
}

/** The source text of a helper. */
export function helperText(name: HelperName): string {
  return SPECS[name].text;
}

/** The canonical imports of a helper, by module. */
export function helperImports(name: HelperName): Readonly<Record<string, readonly string[]>> {
  return SPECS[name].imports;
}
