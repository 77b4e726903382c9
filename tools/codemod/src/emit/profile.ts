import { APISpecificRetryStrategy, type LegacyConversion, type RetryStrategy } from '@rel/compat';
import type { CircuitBreakerConfig } from '@rel/config';
import type { HelperName } from './helpers.js';
import { circuitConfigText, numberText, retryConfigText } from './literal.js';

/**
 * What one legacy object becomes: a canonical profile (source text of the input of
 * `parseReliabilityConfig`) run under a service name of the default manager, plus the
 * helpers and imports its text needs.
 */
export interface ProfileSpec {
  /** The instance name compat used for it (made unique across a run later). */
  readonly service: string;
  /** Source of the `{ retry, circuitBreaker }` input. */
  readonly input: string;
  /** Helpers the input calls. */
  readonly helpers: readonly HelperName[];
  /** True when the input calls `systemRandom()` (an import from @rel/config). */
  readonly systemRandom: boolean;
  /** One line saying what it was, for the comment above it. */
  readonly origin: string;
}

/** The random source of a legacy object: an expression to call, or the default. */
export interface RandomSource {
  /** Source of a module-level function `() => number`; `undefined` for compat's default, `systemRandom`. */
  readonly text: string | undefined;
}

const call = (random: RandomSource): string => `${random.text ?? 'systemRandom'}()`;
const ms = (seconds: number): string => numberText(seconds * 1000);

const matchers = (rule: HelperName): { retryOn: string; neverRetryOn: string; helpers: HelperName[] } => ({
  retryOn: `[(error: unknown) => isLegacyOperationFailure(error) && ${rule}(error)]`,
  neverRetryOn: `[(error: unknown) => isLegacyOperationFailure(error) && !${rule}(error)]`,
  helpers: ['isLegacyOperationFailure', rule],
});

function spec(
  service: string,
  retry: string,
  circuit: CircuitBreakerConfig | false,
  helpers: HelperName[],
  usesRandom: boolean,
  random: RandomSource,
  origin: string,
): ProfileSpec {
  return {
    service,
    input: `{ retry: ${retry}, circuitBreaker: ${circuitConfigText(circuit)} }`,
    helpers,
    systemRandom: usesRandom && random.text === undefined,
    origin,
  };
}

/**
 * The profile of a legacy agents `RetryManager` (compat's `toCanonical()`): its fixed, linear
 * and exponential delays are the canonical strategies of the same name; `exponential_jitter`
 * (`e + e·U(0.1, 0.5)`) has no canonical strategy and stays a custom backoff; its retry rule
 * (connection errors, timeouts, plain Errors) stays a predicate.
 */
export function retryManagerProfile(
  conversion: LegacyConversion,
  service: string,
  random: RandomSource,
  origin: string,
): ProfileSpec {
  const { config, legacy } = conversion;
  const jittered = legacy.strategy === 'exponential_jitter';
  const backoff = jittered
    ? `{ kind: 'custom', delay: ({ attempt }: { attempt: number }) => { const e = ${numberText(config.baseDelayMs)} * 2 ** (attempt - 1); return Math.min(e + e * (0.1 + 0.4 * ${call(random)}), ${ms(legacy.maxDelay)}); } }`
    : `'${legacy.strategy}'`;
  const m = matchers('legacyRetryManagerRetryable');
  const retry = retryConfigText(jittered ? config : { ...config, multiplier: 2 }, { backoff, ...m });
  return spec(service, retry, conversion.circuitBreaker, m.helpers, jittered, random, origin);
}

/**
 * The profile of a legacy reliability-retry `RetryHandler`: `min(base·e^(a-1), max)` is the
 * canonical exponential strategy; with jitter, the legacy `+ d·0.25·U` after the cap stays a
 * custom backoff. Every operation failure is retried, as the legacy handler did.
 */
export function retryHandlerProfile(
  conversion: LegacyConversion,
  jitter: boolean,
  service: string,
  random: RandomSource,
  origin: string,
): ProfileSpec {
  const { config, legacy } = conversion;
  const backoff = jitter
    ? `{ kind: 'custom', delay: ({ attempt }: { attempt: number }) => { const d = Math.min(${numberText(config.baseDelayMs)} * ${numberText(legacy.multiplier)} ** (attempt - 1), ${ms(legacy.maxDelay)}); return d + d * 0.25 * ${call(random)}; } }`
    : `'exponential'`;
  const retry = retryConfigText(config, { backoff, retryOn: '[isLegacyOperationFailure]' });
  return spec(
    service,
    retry,
    conversion.circuitBreaker,
    ['isLegacyOperationFailure'],
    jitter,
    random,
    origin,
  );
}

/**
 * The profile of a legacy LLM `RetryStrategy` (or `APISpecificRetryStrategy`, or a preset):
 * `min(base·f^(a-1)·U(lo, hi), max)` as a custom backoff (the canonical jitters are additive),
 * the message-word retry rule as a predicate, and `circuitBreaker` for
 * `CircuitBreakerRetryStrategy`.
 */
export function strategyProfile(
  strategy: RetryStrategy,
  circuitBreaker: CircuitBreakerConfig | false,
  service: string,
  random: RandomSource,
  origin: string,
): ProfileSpec {
  const { config, legacy } = strategy.toCanonical();
  const [lo, hi] = strategy.jitterRange;
  const backoff = `{ kind: 'custom', delay: ({ attempt }: { attempt: number }) => Math.min(${numberText(config.baseDelayMs)} * ${numberText(legacy.multiplier)} ** (attempt - 1) * (${numberText(lo)} + ${numberText(hi - lo)} * ${call(random)}), ${ms(legacy.maxDelay)}) }`;
  const m = matchers(
    strategy instanceof APISpecificRetryStrategy ? 'legacyApiRetryable' : 'legacyLlmRetryable',
  );
  const retry = retryConfigText(config, { backoff, ...m });
  return spec(service, retry, circuitBreaker, m.helpers, true, random, origin);
}
