import { sequenceRandom } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_RETRY_DEFAULTS, APISpecificRetryStrategy } from './api-specific-retry-strategy.js';
import {
  ANTHROPIC_RETRY,
  FAST_LLM_RETRY,
  OPENAI_RETRY,
  SLOW_LLM_RETRY,
  STANDARD_LLM_RETRY,
} from './presets.js';
import { RETRYABLE_LLM_MESSAGES, RetryStrategy } from './retry-strategy.js';

const numbers = (s: RetryStrategy): unknown[] => [
  s.maxAttempts,
  s.baseDelay,
  s.maxDelay,
  s.backoffFactor,
  [...s.jitterRange],
];

describe('RetryStrategy', () => {
  it('has the legacy defaults: 5 attempts, 1 s, cap 60 s, x2, jitter x0.5 to x1.5', () => {
    expect(numbers(new RetryStrategy())).toEqual([5, 1, 60, 2, [0.5, 1.5]]);
  });

  it('calculateDelay = min(base·factor^(attempt-1)·U(low, high), max), in seconds', () => {
    const s = new RetryStrategy({
      baseDelay: 2,
      backoffFactor: 3,
      maxDelay: 40,
      random: sequenceRandom([0, 0.5, 0.5]),
    });
    expect(s.calculateDelay(1)).toBe(1); // 2 · 1 · 0.5
    expect(s.calculateDelay(2)).toBe(6); // 2 · 3 · 1.0
    expect(s.calculateDelay(4)).toBe(40); // 2 · 27 · 1.0 = 54, capped
  });

  it('calculateDelay stays within the jittered bounds and the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, base, factor, max, a, b, u) => {
          const [lo, hi] = a <= b ? [a, a + b] : [b, b + a];
          const s = new RetryStrategy({
            baseDelay: base,
            backoffFactor: factor,
            maxDelay: max,
            jitterRange: [lo, hi],
            random: () => u,
          });
          const raw = base * factor ** (attempt - 1);
          const d = s.calculateDelay(attempt);
          expect(d).toBeLessThanOrEqual(max);
          expect(d).toBeGreaterThanOrEqual(Math.min(raw * lo, max) * (1 - 1e-12));
          expect(d).toBeLessThanOrEqual(Math.min(raw * hi, max) * (1 + 1e-12));
        },
      ),
    );
  });

  it.each(RETRYABLE_LLM_MESSAGES.map((w) => [w]))(
    'shouldRetry is true for a message containing %j (any case)',
    (word) => {
      expect(new RetryStrategy().shouldRetry(new Error(`Upstream: ${word.toUpperCase()} happened`))).toBe(
        true,
      );
    },
  );

  it('shouldRetry is false for everything else, 500 and connection errors included (as legacy)', () => {
    const s = new RetryStrategy();
    for (const message of ['500 Internal Server Error', 'connection reset', 'invalid api key', '']) {
      expect([message, s.shouldRetry(new Error(message))]).toEqual([message, false]);
    }
    expect(s.shouldRetry('a plain string with timeout in it')).toBe(true);
  });

  it('accepts snake_case and names bad options', () => {
    expect(
      numbers(
        new RetryStrategy({
          max_attempts: 2,
          base_delay: 0.1,
          max_delay: 1,
          backoff_factor: 1.5,
          jitter_range: [1, 1],
        }),
      ),
    ).toEqual([2, 0.1, 1, 1.5, [1, 1]]);
    expect(() => new RetryStrategy({ maxAttempts: 0 })).toThrow(
      /maxAttempts: received 0; expected an integer in \[1, 100\]/,
    );
    expect(() => new RetryStrategy({ jitterRange: [2, 1] })).toThrow(/jitterRange/);
    expect(() => new RetryStrategy({ maxAttempts: 2, max_attempts: 3 })).toThrow(
      /max_attempts: received 3; expected the same value as maxAttempts/,
    );
    expect(() => new RetryStrategy({ retries: 3 } as never)).toThrow(/retries: unknown key/);
  });
});

describe('APISpecificRetryStrategy', () => {
  it.each([
    ['openai', [5, 2, 120, 2.5]],
    ['anthropic', [4, 1.5, 90, 2]],
    ['standard', [3, 1, 60, 2]],
    ['mistral', [3, 1, 60, 2]],
  ] as const)('%s has the legacy numbers (attempts, base, max, factor)', (type, expected) => {
    const s = new APISpecificRetryStrategy(type);
    expect(numbers(s)).toEqual([...expected, [0.5, 1.5]]);
    expect(s.apiType).toBe(type === 'mistral' ? 'standard' : type);
  });

  it('overrides win over the provider defaults, in either spelling', () => {
    expect(numbers(new APISpecificRetryStrategy('openai', { maxAttempts: 2, base_delay: 0.5 }))).toEqual([
      2,
      0.5,
      120,
      2.5,
      [0.5, 1.5],
    ]);
  });

  it('also refuses 401 / unauthorized and 400 / bad request', () => {
    const s = new APISpecificRetryStrategy('anthropic');
    expect(s.shouldRetry(new Error('429 rate limit exceeded'))).toBe(true);
    expect(s.shouldRetry(new Error('401 timeout while authenticating'))).toBe(false);
    expect(s.shouldRetry(new Error('Unauthorized: rate limit'))).toBe(false);
    expect(s.shouldRetry(new Error('400: request timeout field invalid'))).toBe(false);
    expect(s.shouldRetry(new Error('Bad Request (overloaded)'))).toBe(false);
  });

  it('keeps the provider table as data', () => {
    expect(API_RETRY_DEFAULTS.openai).toEqual({
      maxAttempts: 5,
      baseDelay: 2,
      maxDelay: 120,
      backoffFactor: 2.5,
    });
  });
});

describe('presets', () => {
  it.each([
    ['FAST_LLM_RETRY', FAST_LLM_RETRY, [3, 0.5, 60, 2]],
    ['STANDARD_LLM_RETRY', STANDARD_LLM_RETRY, [5, 1, 60, 2]],
    ['SLOW_LLM_RETRY', SLOW_LLM_RETRY, [7, 2, 60, 2]],
    ['OPENAI_RETRY', OPENAI_RETRY, [5, 2, 120, 2.5]],
    ['ANTHROPIC_RETRY', ANTHROPIC_RETRY, [4, 1.5, 90, 2]],
  ] as const)('%s has the legacy numbers', (_name, preset, expected) => {
    expect(numbers(preset)).toEqual([...expected, [0.5, 1.5]]);
    expect(preset).toBeInstanceOf(APISpecificRetryStrategy);
    expect(preset.shouldRetry(new Error('401 rate limit'))).toBe(false);
  });
});
