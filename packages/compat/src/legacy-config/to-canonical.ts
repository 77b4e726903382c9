import {
  parseCircuitBreakerConfig,
  parseRetryConfig,
  systemRandom,
  type CircuitBreakerConfig,
  type JitterKind,
  type Random,
  type RetryConfig,
  type RetryConfigInput,
} from '@rel/config';
import { legacyRetryMatchers, type LegacyRetryMatchers } from '../legacy-errors/legacy-error-set.js';
import type { ConversionNote } from './conversion-note.js';
import { EVERY_FAILURE } from './legacy-circuit-config.js';
import type { LegacyField } from './legacy-retry-config.js';
import type { FieldSources, ResolvedLegacyRetry } from './resolve-legacy.js';

/**
 * A legacy delay formula that the canonical strategies do not have, run as a `custom`
 * backoff. `delayMs` gets the 1-based number of the attempt that just failed and returns
 * the whole legacy delay (jitter and the legacy cap included).
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface LegacyFormula {
  /** What it computes, for the notes: "e + e·U(0.1, 0.5), e = base·2^(a-1), cap 60 s". */
  readonly describe: string;
  /** Delay (ms) after the 1-based attempt `attempt` failed. */
  readonly delayMs: (attempt: number) => number;
  /** The largest delay it can return (ms); the canonical cap is set to it. */
  readonly maxDelayMs: number;
}

/** Options of {@link toCanonicalRetry}. */
export interface ToCanonicalOptions {
  /** The legacy API's own delay formula, when the canonical strategies cannot express it. */
  readonly formula?: (resolved: ResolvedLegacyRetry) => LegacyFormula;
  /** Replaces the matchers built from the legacy retryable sets (e.g. a legacy classifier function). */
  readonly matchers?: LegacyRetryMatchers;
  /** What {@link ToCanonicalOptions.matchers} decide, for the notes. */
  readonly matchersDescription?: string;
  /** Random source of the `random` strategy. @defaultValue `systemRandom` */
  readonly random?: Random;
}

/**
 * The canonical configuration of a legacy one, with every step noted.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface CanonicalRetry {
  /** Complete and frozen; feed it to `UnifiedRetryHandler` or a reliability profile's `retry`. */
  readonly config: RetryConfig;
  /** The legacy handler's own breaker, or `false` when it had none. */
  readonly circuitBreaker: CircuitBreakerConfig | false;
  /** Every field mapped, defaulted, adjusted or ignored. */
  readonly notes: readonly ConversionNote[];
}

const ms = (seconds: number): number => Math.round(seconds * 1_000_000) / 1_000;

function strategyBackoff(
  r: ResolvedLegacyRetry,
  random: Random,
): { input: RetryConfigInput; detail: string } {
  const base = ms(r.baseDelay);
  const explicit = r.jitterType;
  let jitter: JitterKind = 'none';
  if (explicit === 'none' || explicit === 'full' || explicit === 'equal') jitter = explicit;
  else if (explicit === undefined && r.jitter === true) jitter = 'full';
  switch (r.strategy) {
    case 'exponential_jitter':
      return {
        input: { backoff: 'exponential', jitter: 'proportional', jitterRange: r.jitterRange },
        detail: `exponential_jitter -> exponential with proportional jitter ±${r.jitterRange}`,
      };
    case 'adaptive':
      return {
        input: { backoff: 'exponential', jitter },
        detail: 'adaptive was exponential (a placeholder)',
      };
    case 'custom':
      return {
        input: { backoff: 'fixed', jitter },
        detail: 'custom was base_delay (never overridden): fixed',
      };
    case 'random': {
      const span = ms(r.maxDelay) - base;
      return {
        input: { backoff: { kind: 'custom', delay: () => base + span * random() }, jitter: 'none' },
        detail: 'random (Era B) -> custom U(base, max)',
      };
    }
    case 'fixed':
    case 'linear':
    case 'exponential':
    case 'fibonacci':
      if (explicit === 'decorrelated') {
        return {
          input: { backoff: 'decorrelated', jitter: 'none' },
          detail: `${r.strategy} with decorrelated jitter -> decorrelated`,
        };
      }
      return { input: { backoff: r.strategy, jitter }, detail: `${r.strategy} with jitter ${jitter}` };
  }
}

/**
 * Builds the canonical `RetryConfig` (and breaker config) of resolved legacy settings:
 * seconds become milliseconds, attempts are total attempts, the strategy becomes a
 * canonical backoff (or the API's own legacy formula as a `custom` backoff), and the
 * retryable sets become `retryOn` / `neverRetryOn` matchers. Legacy breakers keep their
 * fixed recovery time (`openBackoffMultiplier` 1, no open jitter).
 * @internal
 */
export function toCanonicalRetry(
  r: ResolvedLegacyRetry,
  sources: FieldSources,
  notes: ConversionNote[],
  options: ToCanonicalOptions = {},
): CanonicalRetry {
  const note = (
    field: LegacyField | readonly LegacyField[],
    canonical: string,
    value: unknown,
    detail: string,
  ): void => {
    const fields = typeof field === 'string' ? [field] : field;
    const source = fields.map((f) => sources[f]).find((s) => s !== undefined);
    const action = source === undefined ? 'defaulted' : source.startsWith('RETRY_') ? 'env' : 'mapped';
    notes.push({ action, legacy: source ?? 'default', canonical, value, detail });
  };

  const input: Record<string, unknown> = { maxAttempts: r.maxAttempts, baseDelayMs: ms(r.baseDelay) };
  note(
    ['maxAttempts', 'maxRetries', 'enabled'],
    'maxAttempts',
    r.maxAttempts,
    `${r.maxAttempts} attempts in total (the first included)`,
  );
  note('baseDelay', 'baseDelayMs', input.baseDelayMs, `${r.baseDelay} s -> ${ms(r.baseDelay)} ms`);
  input.multiplier = r.multiplier;
  note(
    ['exponentialBase', 'backoffMultiplier', 'backoffFactor'],
    'multiplier',
    r.multiplier,
    `growth factor ${r.multiplier}`,
  );

  if (options.formula) {
    const formula = options.formula(r);
    Object.assign(input, {
      backoff: { kind: 'custom', delay: ({ attempt }: { attempt: number }) => formula.delayMs(attempt) },
      jitter: 'none',
      // The canonical cap is a backstop only: the formula applies the legacy cap itself.
      maxDelayMs: Math.min(86_400_000, Math.max(formula.maxDelayMs, ms(r.baseDelay))),
    });
    note('strategy', 'backoff', 'custom', `legacy formula: ${formula.describe}`);
    note(
      'maxDelay',
      'maxDelayMs',
      input.maxDelayMs,
      `${r.maxDelay} s cap, applied inside the formula; canonical cap = its largest delay`,
    );
  } else {
    const { input: backoff, detail } = strategyBackoff(r, options.random ?? systemRandom);
    Object.assign(input, backoff, { maxDelayMs: ms(r.maxDelay) });
    const described = typeof backoff.backoff === 'object' ? 'custom' : backoff.backoff;
    note(['strategy', 'jitterType', 'jitter'], 'backoff', described, detail);
    note('maxDelay', 'maxDelayMs', input.maxDelayMs, `${r.maxDelay} s -> ${ms(r.maxDelay)} ms`);
    if (backoff.jitter === 'proportional')
      note('jitterRange', 'jitterRange', r.jitterRange, `d ± ${r.jitterRange}·d`);
  }

  if (r.timeoutSeconds !== undefined) {
    input.totalTimeoutMs = ms(r.timeoutSeconds);
    note(
      ['timeoutSecondsFloat', 'timeoutSeconds'],
      'totalTimeoutMs',
      input.totalTimeoutMs,
      `overall deadline ${r.timeoutSeconds} s`,
    );
  }

  const matchers = options.matchers ?? legacyRetryMatchers(r.retryable, r.nonRetryable);
  input.retryOn = matchers.retryOn;
  input.neverRetryOn = matchers.neverRetryOn;
  if (options.matchers !== undefined) {
    notes.push({
      action: 'mapped',
      legacy: 'retry rule',
      canonical: 'retryOn/neverRetryOn',
      value: options.matchersDescription ?? 'a legacy predicate',
      detail: 'the legacy rule decides which operation failures are retried',
    });
  } else {
    const names = (set: readonly unknown[]): string =>
      set
        .map((s) =>
          typeof s === 'string' ? s : typeof s === 'function' ? s.name || '(predicate)' : String(s),
        )
        .join(', ') || 'nothing';
    note(
      ['retryableExceptions', 'nonRetryableExceptions'],
      'retryOn/neverRetryOn',
      `retry: ${names(r.retryable)}; never: ${names(r.nonRetryable)}`,
      'retried iff in the retryable set and not in the non-retryable set (non-retryable checked first)',
    );
  }

  const config = parseRetryConfig(input);
  let circuitBreaker: CircuitBreakerConfig | false = false;
  if (r.circuitBreaker.enabled) {
    const openMs = ms(r.circuitBreaker.recoveryTimeout);
    circuitBreaker = parseCircuitBreakerConfig({
      strategy: 'consecutive',
      failureThreshold: r.circuitBreaker.failureThreshold,
      openMs,
      openBackoffMultiplier: 1,
      openJitter: 0,
      maxOpenMs: Math.max(openMs, 300_000),
      // The legacy handler recorded every failed attempt in its breaker.
      failureKinds: [...EVERY_FAILURE],
    });
    note(
      'circuitBreakerFailureThreshold',
      'circuitBreaker.failureThreshold',
      r.circuitBreaker.failureThreshold,
      'consecutive failures that open it',
    );
    note(
      'circuitBreakerRecoveryTimeout',
      'circuitBreaker.openMs',
      openMs,
      `${r.circuitBreaker.recoveryTimeout} s recovery, fixed (no growth, no jitter)`,
    );
  } else {
    note('circuitBreakerEnabled', 'circuitBreaker', false, 'no breaker of its own');
  }
  return { config, circuitBreaker, notes };
}
