import { describeValue, RelConfigError, suggest, type ValidationIssue } from '@rel/config';
import { deprecatedConstants } from '../deprecation/deprecated-constants.js';
import type { ServiceMeshStrategy } from '../legacy-formulas/legacy-delays.js';

const VALUES = {
  FIXED_DELAY: 'fixed_delay',
  EXPONENTIAL_BACKOFF: 'exponential_backoff',
  LINEAR_BACKOFF: 'linear_backoff',
  RANDOM_JITTER: 'random_jitter',
} as const;

/**
 * The service-mesh `RetryStrategy` enum (an `as const` object). At the package root it is
 * `ServiceMeshRetryStrategy`.
 *
 * @deprecated Use `RetryConfig.backoff` / `RetryConfig.jitter` from `@rel/config`. Removed in 2.0.0 (REL_DEP047).
 * @example
 * ```ts
 * await service.registerPolicy('billing', { strategy: RetryStrategy.LINEAR_BACKOFF });
 * ```
 */
export const RetryStrategy: typeof VALUES = deprecatedConstants(VALUES, 'REL_DEP047');

/**
 * A value of the service-mesh {@link RetryStrategy}.
 * @deprecated Use `BackoffStrategy` from `@rel/config`. Removed in 2.0.0 (REL_DEP047).
 */
export type RetryStrategy = (typeof VALUES)[keyof typeof VALUES];

const STRATEGIES: readonly ServiceMeshStrategy[] = Object.values(VALUES);

/**
 * A service's retry policy (legacy keys, seconds; `max_retries` counts retries).
 * @deprecated Use a `RetryConfig` from `@rel/config` (ms, total attempts). Removed in 2.0.0.
 */
export interface RetryPolicy {
  readonly max_retries: number;
  readonly base_delay: number;
  readonly max_delay: number;
  readonly strategy: ServiceMeshStrategy;
  readonly backoff_multiplier: number;
  readonly jitter: boolean;
  /** ISO time of registration (registered policies only). */
  readonly created_at?: string;
}

/**
 * What `registerPolicy` / `updatePolicy` take: any subset of a {@link RetryPolicy}.
 * @deprecated Use a `RetryConfigInput` from `@rel/config`. Removed in 2.0.0.
 */
export type RetryPolicyInput = Partial<Omit<RetryPolicy, 'created_at'>>;

/**
 * The legacy default policy: 3 retries, 1.0 s exponential x2 up to 30 s, jitter on.
 * @deprecated Use `DEFAULT_RETRY_CONFIG` from `@rel/config`. Removed in 2.0.0.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  max_retries: 3,
  base_delay: 1.0,
  max_delay: 30.0,
  strategy: 'exponential_backoff',
  backoff_multiplier: 2.0,
  jitter: true,
});

/** The legacy clamps: `[min, max]` per numeric field. */
const CLAMPS = {
  max_retries: [0, 10],
  base_delay: [0.1, 60.0],
  max_delay: [1.0, 300.0],
  backoff_multiplier: [1.0, 10.0],
} as const;

const clamp = (v: number, [lo, hi]: readonly [number, number]): number => Math.min(hi, Math.max(lo, v));

/**
 * Layers `input` over `base` with the legacy validation: numbers are clamped to the legacy
 * ranges (`max_retries` [0, 10] and whole, `base_delay` [0.1, 60], `max_delay` [1, 300],
 * `backoff_multiplier` [1, 10]) and `jitter` is read as a boolean, as before; an unknown
 * key, a non-number, or an unknown strategy is an error (the legacy service ignored an
 * unknown strategy silently).
 *
 * @throws {@link RelConfigError} naming each bad field.
 * @internal
 */
export function layerPolicy(base: RetryPolicy, input: unknown, path: string): RetryPolicy {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RelConfigError([{ path, received: input, expected: 'a retry policy object' }], 'retry policy');
  }
  const issues: ValidationIssue[] = [];
  const out: Record<string, unknown> = { ...base };
  const keys = Object.keys(DEFAULT_RETRY_POLICY);
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!keys.includes(key)) {
      const hint = suggest(key, keys);
      issues.push({
        path: `${path}.${key}`,
        received: value,
        expected: `one of ${keys.join(', ')}`,
        unknownKey: true,
        ...(hint === undefined ? {} : { suggestion: hint }),
      });
    } else if (key === 'strategy') {
      const s: unknown = typeof value === 'string' ? value.toLowerCase() : value;
      if (STRATEGIES.includes(s as ServiceMeshStrategy)) out.strategy = s;
      else
        issues.push({
          path: `${path}.strategy`,
          received: value,
          expected: `one of ${STRATEGIES.map((x) => `"${x}"`).join(' | ')}`,
        });
    } else if (key === 'jitter') {
      out.jitter = Boolean(value);
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      const range = CLAMPS[key as keyof typeof CLAMPS];
      out[key] = key === 'max_retries' ? Math.round(clamp(value, range)) : clamp(value, range);
    } else {
      issues.push({
        path: `${path}.${key}`,
        received: value,
        expected: `a number (${describeValue(CLAMPS[key as keyof typeof CLAMPS])} after clamping)`,
      });
    }
  }
  if (issues.length > 0) throw new RelConfigError(issues, 'retry policy');
  return Object.freeze(out) as unknown as RetryPolicy;
}
