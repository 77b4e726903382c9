import { suggest, type ValidationIssue } from '@rel/config';
import type { LegacyField, LegacyRetrySettings, LegacyStrategyName } from './legacy-retry-config.js';

/** The strategies `RETRY_STRATEGY` may name (the unified handler's enum values). */
const ENV_STRATEGIES: readonly LegacyStrategyName[] = [
  'fixed',
  'linear',
  'exponential',
  'exponential_jitter',
  'fibonacci',
  'adaptive',
  'custom',
];

interface EnvVariable {
  readonly field: LegacyField;
  readonly kind: 'int' | 'float' | 'strategy';
  readonly min: number;
  readonly max: number;
}

/**
 * The legacy `RETRY_*` environment overrides of the unified retry handler, and the legacy
 * field each one sets. Values are seconds, as in the legacy handler.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export const LEGACY_RETRY_ENV: Readonly<Record<string, EnvVariable>> = Object.freeze({
  RETRY_MAX_ATTEMPTS: { field: 'maxAttempts', kind: 'int', min: 1, max: 100 },
  RETRY_BASE_DELAY: { field: 'baseDelay', kind: 'float', min: 0, max: 86_400 },
  RETRY_MAX_DELAY: { field: 'maxDelay', kind: 'float', min: 0, max: 86_400 },
  RETRY_BACKOFF_MULTIPLIER: { field: 'backoffMultiplier', kind: 'float', min: 1, max: 100 },
  RETRY_JITTER_RANGE: { field: 'jitterRange', kind: 'float', min: 0, max: 1 },
  RETRY_TIMEOUT_SECONDS: { field: 'timeoutSeconds', kind: 'float', min: 0, max: 86_400 },
  RETRY_STRATEGY: { field: 'strategy', kind: 'strategy', min: 0, max: 0 },
});

/**
 * The overrides found in an environment.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface LegacyEnvOverrides {
  /** The fields set, in legacy units. Empty when no variable is set. */
  readonly settings: LegacyRetrySettings;
  /** The variable each field came from. */
  readonly sources: Partial<Record<LegacyField, string>>;
}

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads the legacy `RETRY_*` overrides (`RETRY_MAX_ATTEMPTS`, `RETRY_BASE_DELAY`,
 * `RETRY_MAX_DELAY`, `RETRY_BACKOFF_MULTIPLIER`, `RETRY_JITTER_RANGE`,
 * `RETRY_TIMEOUT_SECONDS`, `RETRY_STRATEGY`). An empty variable counts as unset. Where the
 * legacy handler raised on a bad number and only warned on an unknown strategy, every bad
 * value here is an issue naming the variable, its value and what is allowed: a typo in
 * the environment is never silently ignored.
 *
 * Nothing is written anywhere: the caller layers the result over a copy of its settings.
 *
 * @param env - the environment (`process.env` by default at the call sites).
 * @param issues - where problems go.
 * @example
 * ```ts
 * readLegacyRetryEnv({ RETRY_MAX_ATTEMPTS: '5', RETRY_STRATEGY: 'LINEAR' }, issues).settings;
 * // { maxAttempts: 5, strategy: 'linear' }
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function readLegacyRetryEnv(
  env: Readonly<Record<string, string | undefined>>,
  issues: ValidationIssue[],
): LegacyEnvOverrides {
  const settings: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const [variable, spec] of Object.entries(LEGACY_RETRY_ENV)) {
    const raw = env[variable];
    if (raw === undefined || raw.trim() === '') continue;
    const text = raw.trim();
    if (spec.kind === 'strategy') {
      const value = text.toLowerCase() as LegacyStrategyName;
      if (!ENV_STRATEGIES.includes(value)) {
        const hint = suggest(value, ENV_STRATEGIES);
        issues.push({
          path: variable,
          received: raw,
          expected: `one of ${ENV_STRATEGIES.map((s) => `"${s}"`).join(' | ')} (any case)`,
          ...(hint === undefined ? {} : { suggestion: hint }),
        });
        continue;
      }
      settings[spec.field] = value;
      sources[spec.field] = variable;
      continue;
    }
    const value = Number(text);
    const shaped = spec.kind === 'int' ? INT.test(text) : FLOAT.test(text);
    if (!shaped || !Number.isFinite(value) || value < spec.min || value > spec.max) {
      issues.push({
        path: variable,
        received: raw,
        expected: `${spec.kind === 'int' ? 'an integer' : 'a number'} in [${spec.min}, ${spec.max}]${
          spec.kind === 'float' &&
          variable !== 'RETRY_JITTER_RANGE' &&
          variable !== 'RETRY_BACKOFF_MULTIPLIER'
            ? ' (seconds)'
            : ''
        }`,
      });
      continue;
    }
    settings[spec.field] = value;
    sources[spec.field] = variable;
  }
  return {
    settings: settings,
    sources: sources,
  };
}

/** True when any legacy `RETRY_*` override is set (non-empty) in `env`. */
export function hasLegacyRetryEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  return Object.keys(LEGACY_RETRY_ENV).some((v) => (env[v] ?? '').trim() !== '');
}
