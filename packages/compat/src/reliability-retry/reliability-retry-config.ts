import { RelConfigError, systemRandom, type Random, type ValidationIssue } from '@rel/config';
import { useLegacy } from '../deprecation/warn-once.js';
import type { ConversionNote } from '../legacy-config/conversion-note.js';
import { convertLegacySettings, type LegacyConversion } from '../legacy-config/convert.js';
import { oneSpelling } from '../legacy-config/spellings.js';
import type {
  LegacyField,
  LegacyRetryConfigInput,
  LegacyRetrySettings,
} from '../legacy-config/legacy-retry-config.js';
import { keepLegacyFields, readLegacyRetryConfig } from '../legacy-config/read-legacy-config.js';
import { reliabilityRetryDelay } from '../legacy-formulas/legacy-delays.js';

/**
 * What `new ReliabilityRetryConfig(...)` takes (camelCase or snake_case).
 * @deprecated Use `RetryConfigInput` from `@rel/config` (ms, `multiplier`). Removed in 2.0.0.
 */
export interface ReliabilityRetryConfigInit {
  /** The shared legacy `RetryConfig` (either era, any spelling). */
  readonly baseConfig?: LegacyRetryConfigInput;
  readonly base_config?: LegacyRetryConfigInput;
  /** Growth factor of the delays. @defaultValue 2.0 */
  readonly exponentialBase?: number;
  readonly exponential_base?: number;
}

/** The fields the reliability-retry handler reads from a shared config. */
const USED: readonly LegacyField[] = [
  'maxRetries',
  'maxAttempts',
  'baseDelay',
  'maxDelay',
  'jitter',
  'jitterType',
  'enabled',
  'exponentialBase',
];

/** Era A shared `RetryConfig` defaults, which this handler was written against: 3 retries, 1 s, cap 300 s, jitter on. */
const DEFAULTS: LegacyRetrySettings = Object.freeze({
  maxRetries: 3,
  baseDelay: 1,
  maxDelay: 300,
  jitter: true,
  exponentialBase: 2,
});

/** The resolved settings of a reliability-retry config, in legacy units. @internal */
export interface ReliabilityRetrySettings {
  readonly settings: LegacyRetrySettings;
  readonly sources: Readonly<Record<string, string>>;
  readonly notes: readonly ConversionNote[];
}

/**
 * Reads a shared legacy config plus an exponential base (the `exponentialBase` argument
 * wins over one inside the config). @internal
 */
export function readReliabilityRetry(
  config: LegacyRetryConfigInput | undefined,
  exponentialBase: number | undefined,
  path: string,
): ReliabilityRetrySettings {
  const issues: ValidationIssue[] = [];
  const notes: ConversionNote[] = [];
  const read = keepLegacyFields(
    readLegacyRetryConfig(config, path, issues),
    USED,
    'the reliability-retry handler',
    notes,
  );
  const settings: Record<string, unknown> = { ...read.settings };
  const sources: Record<string, string> = { ...read.sources };
  if (exponentialBase !== undefined) {
    if (!(
      typeof exponentialBase === 'number' &&
      Number.isFinite(exponentialBase) &&
      exponentialBase >= 1 &&
      exponentialBase <= 100
    )) {
      issues.push({ path: 'exponentialBase', received: exponentialBase, expected: 'a number in [1, 100]' });
    }
    settings.exponentialBase = exponentialBase;
    sources.exponentialBase = 'exponentialBase';
  }
  if (issues.length > 0) throw new RelConfigError(issues, 'reliability retry configuration');
  return { settings: settings, sources, notes };
}

/** Jitter of the handler: the Era A `jitter` flag; a shared config without it (Era B) uses its jitter type. */
export function jitterOn(settings: LegacyRetrySettings): boolean {
  return settings.jitter ?? (settings.jitterType === undefined ? true : settings.jitterType !== 'none');
}

/**
 * The canonical conversion of reliability-retry settings: attempts = max_retries + 1 (or
 * max_attempts), and the legacy delay `min(base·exponentialBase^a, max)` + up to 25 %
 * jitter after the cap, as a custom backoff (canonical cap = 1.25·max with jitter).
 * @internal
 */
export function convertReliabilityRetry(s: ReliabilityRetrySettings, random: Random): LegacyConversion {
  const jitter = jitterOn(s.settings);
  return convertLegacySettings(s.settings, s.sources, [...s.notes], {
    defaults: { ...DEFAULTS, retryableExceptions: ['Exception'] },
    formula: (r) => ({
      describe: `min(base·${r.multiplier}^a, ${r.maxDelay} s)${jitter ? ' + up to 25 % (after the cap)' : ''}, a = 0-based failed attempt`,
      delayMs: (attempt) =>
        reliabilityRetryDelay(attempt - 1, r.baseDelay, r.multiplier, r.maxDelay, jitter, random) * 1000,
      maxDelayMs: r.maxDelay * 1000 * (jitter ? 1.25 : 1),
    }),
  });
}

/**
 * The legacy `core/reliability_retry.ReliabilityRetryConfig`: a shared `RetryConfig` (either
 * era, any spelling, seconds) plus the exponential base of the delays.
 *
 * @deprecated Use a `RetryConfig` from `@rel/config` (`parseRetryConfig`; `multiplier` =
 * `exponentialBase`, times in ms, `maxAttempts` = retries + 1). Removed in 2.0.0 (REL_DEP004).
 * @example
 * ```ts
 * const config = new ReliabilityRetryConfig({ baseConfig: { max_retries: 2, base_delay: 0.5 }, exponentialBase: 3 });
 * await new RetryHandler(config).executeWithRetry(() => callApi(), 'call_api');
 * ```
 */
export class ReliabilityRetryConfig {
  /** The shared legacy config, as given. */
  readonly baseConfig: LegacyRetryConfigInput;
  /** Growth factor of the delays. */
  readonly exponentialBase: number;
  /** @internal */
  readonly resolved: ReliabilityRetrySettings;

  /** @throws {@link RelConfigError} naming every unknown key or bad value. */
  constructor(init: ReliabilityRetryConfigInit = {}) {
    useLegacy('REL_DEP004');
    const base =
      oneSpelling(init.baseConfig, init.base_config, 'base_config', 'ReliabilityRetryConfig') ?? {};
    const given = oneSpelling(
      init.exponentialBase,
      init.exponential_base,
      'exponential_base',
      'ReliabilityRetryConfig',
    );
    this.resolved = readReliabilityRetry(base, given, 'baseConfig');
    this.baseConfig = base;
    this.exponentialBase = this.resolved.settings.exponentialBase ?? 2;
  }

  /**
   * A config over a shared legacy `RetryConfig` (either era, any spelling), with its
   * `exponential_base` when it has one, else 2.0.
   */
  static fromRetryConfig(config: LegacyRetryConfigInput): ReliabilityRetryConfig {
    return new ReliabilityRetryConfig({ baseConfig: config });
  }

  /** The canonical configuration and how each field mapped (default random source). */
  toCanonical(): LegacyConversion {
    return convertReliabilityRetry(this.resolved, systemRandom);
  }
}
