import type { Random } from '@rel/config';
import { legacyProfile, type LegacyProfile } from '../delegate/legacy-instance.js';
import { convertLegacySettings, type LegacyConversion } from '../legacy-config/convert.js';
import type { ConversionNote } from '../legacy-config/conversion-note.js';
import type { LegacyStrategyName } from '../legacy-config/legacy-retry-config.js';
import type { StrategyRetryConfig } from './strategy-config.js';
import { enhancedStrategyDelay } from './strategy-delay.js';

/** The Era A strategies the canonical backoffs compute alike; anything else was `base_delay`. */
function canonicalStrategy(name: LegacyStrategyName): LegacyStrategyName {
  return name === 'exponential' || name === 'linear' || name === 'fibonacci' ? name : 'fixed';
}

/**
 * The canonical configuration of an Era A strategy config:
 * - `maxAttempts` = `retryCeiling + 1` (the most retries the strategy can ever allow; its
 *   `shouldRetry`, applied around the operation per call, decides each retry below that);
 * - the backoff: exponential x2 / linear / fibonacci / fixed with none / full / equal jitter
 *   are the canonical strategies and jitters (drawing on the default manager's random
 *   source); DECORRELATED (its "previous delay" comes from the raw delay, not the last wait,
 *   so the canonical `decorrelated` differs) and a base above the cap run the legacy formula
 *   as a `custom` backoff with the strategy's random source;
 * - every operation failure is retryable by the profile (the strategy decides per call).
 * @internal
 */
export function strategyConversion(
  config: StrategyRetryConfig,
  retryCeiling: number,
  sources: Readonly<Record<string, string>>,
  given: readonly ConversionNote[],
  random: Random,
  describe: string,
): LegacyConversion {
  const legacyFormula = config.jitter_type === 'decorrelated' || config.max_delay < config.base_delay;
  const strategy = canonicalStrategy(config.backoff_strategy);
  const notes: ConversionNote[] = [...given];
  const conversion = convertLegacySettings(
    {
      maxAttempts: retryCeiling + 1,
      baseDelay: config.base_delay,
      maxDelay: config.max_delay,
      strategy,
      backoffMultiplier: 2,
      jitterType: config.jitter_type,
      retryableExceptions: ['Exception'],
    },
    {
      ...sources,
      maxAttempts: sources.maxRetries ?? 'max_retries (default 3)',
      backoffMultiplier: 'Era A: always 2',
    },
    notes,
    legacyFormula
      ? {
          formula: () => ({
            describe: `Era A ${config.backoff_strategy} with ${config.jitter_type} jitter, cap ${config.max_delay} s`,
            delayMs: (attempt: number) => enhancedStrategyDelay(attempt - 1, config, random) * 1000,
            maxDelayMs: config.max_delay * 1000,
          }),
        }
      : {},
  );
  notes.push({
    action: 'mapped',
    legacy: 'should_retry',
    canonical: 'retryOn (per call)',
    value: describe,
    detail:
      'applied around the operation by executeWithRetry, with the retry count and severity of each failure',
  });
  return conversion;
}

/**
 * The profile an Era A strategy runs on, under `service`: one per distinct (service,
 * config, retry ceiling, random source), so equal strategies share one reliability instance.
 * @internal
 */
export function strategyProfile(
  service: string,
  config: StrategyRetryConfig,
  retryCeiling: number,
  random: Random,
  build: () => LegacyConversion,
): LegacyProfile {
  return legacyProfile(service, ['enhanced_retry_strategies', config, retryCeiling, random], () => {
    const { config: retry } = build();
    return { config: retry, circuitBreaker: false };
  });
}
