import {
  DEFAULT_CIRCUIT_BREAKER_CONFIG,
  DEFAULT_RETRY_CONFIG,
  type CircuitBreakerConfig,
  type RetryConfig,
} from '@rel/config';

/**
 * A number as source text: integers of five digits and more get `_` separators
 * (`30_000`), everything else is JavaScript's own shortest form, so the emitted value is
 * exactly the number compat computed.
 *
 * @example
 * ```ts
 * numberText(30000); // '30_000'
 * numberText(0.1); // '0.1'
 * ```
 */
export function numberText(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) < 10_000) return String(n);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

/**
 * A JSON-like value (numbers, strings, booleans, `null`, arrays, plain objects) as a
 * TypeScript literal in the house style (single quotes).
 *
 * @throws Error for functions and other values that have no literal form (the callers emit those as code).
 */
export function literal(value: unknown): string {
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`;
  }
  throw new Error(`no literal form for ${typeof value}`);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Fields of a retry config that the codemod writes as code, not as literals. */
export interface RetryCode {
  /** Source of the `backoff` field (`'linear'` or a `{ kind: 'custom', ... }` literal). */
  readonly backoff: string;
  /** Source of the `retryOn` array, when there is one. */
  readonly retryOn?: string;
  /** Source of the `neverRetryOn` array, when there is one. */
  readonly neverRetryOn?: string;
}

// Always written, even at their default value: they are what a reader checks first.
const ALWAYS: readonly (keyof RetryConfig)[] = ['maxAttempts', 'baseDelayMs', 'maxDelayMs', 'jitter'];
const AS_CODE = new Set<string>(['backoff', 'retryOn', 'neverRetryOn']);

/**
 * The `retry` section of a profile as source: every field of `config` that differs from
 * `DEFAULT_RETRY_CONFIG` (plus the ones a reader looks for first), with the function-valued
 * fields taken from `code`. `parseReliabilityConfig` layers it over the defaults, so the
 * parsed result equals `config` field for field.
 */
export function retryConfigText(config: RetryConfig, code: RetryCode): string {
  const parts: string[] = [];
  const defaults = DEFAULT_RETRY_CONFIG as unknown as Record<string, unknown>;
  const c = config as unknown as Record<string, unknown>;
  for (const key of ALWAYS) parts.push(`${key}: ${literal(c[key])}`);
  parts.splice(3, 0, `backoff: ${code.backoff}`);
  const exponential = code.backoff === "'exponential'";
  for (const key of Object.keys(c)) {
    if (AS_CODE.has(key) || (ALWAYS as readonly string[]).includes(key) || c[key] === undefined) continue;
    if (key === 'multiplier' && exponential) parts.push(`multiplier: ${literal(c[key])}`);
    else if (!same(c[key], defaults[key])) parts.push(`${key}: ${literal(c[key])}`);
  }
  if (code.retryOn !== undefined) parts.push(`retryOn: ${code.retryOn}`);
  if (code.neverRetryOn !== undefined) parts.push(`neverRetryOn: ${code.neverRetryOn}`);
  return `{ ${parts.join(', ')} }`;
}

/**
 * The `circuitBreaker` section of a profile as source: `false`, or the fields that differ
 * from `DEFAULT_CIRCUIT_BREAKER_CONFIG` (strategy, threshold and open time always).
 */
export function circuitConfigText(config: CircuitBreakerConfig | false): string {
  if (config === false) return 'false';
  const defaults = DEFAULT_CIRCUIT_BREAKER_CONFIG as unknown as Record<string, unknown>;
  const c = config as unknown as Record<string, unknown>;
  const parts = ['strategy', 'failureThreshold', 'openMs'].map((k) => `${k}: ${literal(c[k])}`);
  for (const key of Object.keys(c)) {
    if (['strategy', 'failureThreshold', 'openMs'].includes(key) || c[key] === undefined) continue;
    if (!same(c[key], defaults[key])) parts.push(`${key}: ${literal(c[key])}`);
  }
  return `{ ${parts.join(', ')} }`;
}
