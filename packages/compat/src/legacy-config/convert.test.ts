import { isRelError } from '@rel/config';
import { InMemoryBudgetStore, UnifiedRetryHandler } from '@rel/retry';
import { FakeClock, sequenceRandom } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { systemError } from '../../test/fixtures.js';
import { formatConversionNotes } from './conversion-note.js';
import { convertLegacyRetryConfig } from './convert.js';
import { readLegacyRetryEnv } from './env-overrides.js';
import { convertLegacyCircuitConfig } from './legacy-circuit-config.js';

const notesOf = (c: ReturnType<typeof convertLegacyRetryConfig>, action: string): string[] =>
  c.notes.filter((n) => n.action === action).map((n) => n.legacy);

describe('convertLegacyRetryConfig: Era A shared RetryConfig (snake_case, as stored in JSON)', () => {
  const eraA = {
    max_retries: 4,
    base_delay: 0.5,
    max_delay: 300.0,
    backoff_strategy: 'exponential',
    jitter_type: 'full',
    backoff_factor: 3.0,
    timeout_seconds: 600,
    jitter: true,
    max_attempts: null,
    backoff_multiplier: 2.0,
    jitter_range: 0.1,
    timeout_seconds_float: null,
    retryable_exceptions: [],
    non_retryable_exceptions: [],
    circuit_breaker_enabled: false,
    circuit_breaker_failure_threshold: 5,
    circuit_breaker_recovery_timeout: 30.0,
    metrics_enabled: true,
  };

  it('maps every field: retries + 1 attempts, seconds -> ms, backoff_factor over a default 2.0 multiplier', () => {
    const { config, circuitBreaker, notes } = convertLegacyRetryConfig(eraA);
    expect(config).toMatchObject({
      maxAttempts: 5,
      baseDelayMs: 500,
      maxDelayMs: 300_000,
      backoff: 'exponential',
      jitter: 'full',
      multiplier: 3,
      totalTimeoutMs: 600_000,
    });
    expect(circuitBreaker).toBe(false);
    expect(notes.find((n) => n.canonical === 'maxAttempts')).toMatchObject({
      action: 'mapped',
      legacy: 'max_retries',
      value: 5,
    });
    expect(notesOf(convertLegacyRetryConfig(eraA), 'ignored')).toEqual(
      expect.arrayContaining(['backoff_multiplier', 'metrics_enabled', 'circuit_breaker_failure_threshold']),
    );
  });

  it('an explicit multiplier other than 2.0 wins over backoff_factor (Era A getter)', () => {
    expect(convertLegacyRetryConfig({ backoff_multiplier: 2.5, backoff_factor: 3 }).config.multiplier).toBe(
      2.5,
    );
  });

  it('an empty retryable list is the default (everything); named ones become matchers the engine honours', async () => {
    expect(convertLegacyRetryConfig(eraA).legacy.retryable).toEqual(['Exception']);
    const named = convertLegacyRetryConfig({
      retryable_exceptions: ['ConnectionError'],
      max_attempts: 3,
      base_delay: 0,
    }).config;
    const clock = new FakeClock();
    const handler = new UnifiedRetryHandler('t', named, { clock, budget: new InMemoryBudgetStore() });
    let calls = 0;
    const run = handler.executeWithRetry(() => {
      calls++;
      throw systemError('ECONNRESET');
    });
    await clock.runAll();
    await run;
    expect(calls).toBe(3);
    const stopped = handler.executeWithRetry(() => {
      calls++;
      throw new Error('not a connection error');
    });
    await clock.runAll();
    expect((await stopped).attempts).toHaveLength(1);
  });
});

describe('convertLegacyRetryConfig: Era B and other shapes', () => {
  it('reads Era B fields (total attempts, *_seconds) and enabled: false', () => {
    const b = convertLegacyRetryConfig({
      max_attempts: 4,
      base_delay_seconds: 2,
      max_delay_seconds: 20,
      backoff_strategy: 'linear',
      jitter_type: 'equal',
    });
    expect(b.config).toMatchObject({
      maxAttempts: 4,
      baseDelayMs: 2000,
      maxDelayMs: 20_000,
      backoff: 'linear',
      jitter: 'equal',
    });
    expect(convertLegacyRetryConfig({ enabled: false, max_attempts: 5 }).config.maxAttempts).toBe(1);
  });

  it('max_attempts wins over max_retries, and says so', () => {
    const c = convertLegacyRetryConfig({ max_attempts: 2, max_retries: 9 });
    expect(c.config.maxAttempts).toBe(2);
    expect(c.notes.find((n) => n.legacy === 'max_retries')).toMatchObject({ action: 'ignored' });
  });

  it('maps each legacy strategy', () => {
    const strategy = (s: string, extra: object = {}) =>
      convertLegacyRetryConfig({ strategy: s, ...extra }).config;
    expect(strategy('exponential_jitter', { jitter_range: 0.2 })).toMatchObject({
      backoff: 'exponential',
      jitter: 'proportional',
      jitterRange: 0.2,
    });
    expect(strategy('adaptive')).toMatchObject({ backoff: 'exponential', jitter: 'none' });
    expect(strategy('custom')).toMatchObject({ backoff: 'fixed' });
    expect(strategy('FIBONACCI')).toMatchObject({ backoff: 'fibonacci' });
    expect(strategy('linear', { jitter_type: 'decorrelated' })).toMatchObject({ backoff: 'decorrelated' });
    const random = convertLegacyRetryConfig(
      { strategy: 'random', base_delay: 1, max_delay: 5 },
      { random: sequenceRandom([0.5]) },
    ).config;
    expect(
      typeof random.backoff === 'object' &&
        random.backoff.delay({ attempt: 1, previousDelayMs: 0, error: null }),
    ).toBe(3000);
  });

  it('lowers a base above the cap to the cap (every legacy delay was the cap) and notes it', () => {
    const c = convertLegacyRetryConfig({ base_delay: 10, max_delay: 4 });
    expect(c.config).toMatchObject({ baseDelayMs: 4000, maxDelayMs: 4000 });
    expect(notesOf(c, 'adjusted')).toEqual(['base_delay']);
  });

  it('turns the legacy breaker fields into a canonical breaker with a fixed recovery time', () => {
    const c = convertLegacyRetryConfig({
      circuit_breaker_enabled: true,
      circuit_breaker_failure_threshold: 3,
      circuit_breaker_recovery_timeout: 600,
    });
    expect(c.circuitBreaker).toMatchObject({
      strategy: 'consecutive',
      failureThreshold: 3,
      openMs: 600_000,
      maxOpenMs: 600_000,
      openBackoffMultiplier: 1,
      openJitter: 0,
    });
  });

  it('timeout_seconds_float wins over timeout_seconds; 0 means none', () => {
    expect(
      convertLegacyRetryConfig({ timeout_seconds: 600, timeout_seconds_float: 1.5 }).config.totalTimeoutMs,
    ).toBe(1500);
    expect(convertLegacyRetryConfig({ timeout_seconds: 0 }).config.totalTimeoutMs).toBeUndefined();
  });

  it('camelCase and snake_case give the same canonical config (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 30, max: 600, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.constantFrom('fixed', 'linear', 'exponential', 'exponential_jitter', 'fibonacci'),
        (retries, base, max, factor, strategy) => {
          const snake = convertLegacyRetryConfig({
            max_retries: retries,
            base_delay: base,
            max_delay: max,
            backoff_factor: factor,
            strategy,
          }).config;
          const camel = convertLegacyRetryConfig({
            maxRetries: retries,
            baseDelay: base,
            maxDelay: max,
            backoffFactor: factor,
            strategy,
          }).config;
          const plain = (c: typeof snake): object => ({ ...c, retryOn: undefined, neverRetryOn: undefined });
          expect(plain(camel)).toEqual(plain(snake));
          expect(snake.maxAttempts).toBe(retries + 1);
          expect(snake.baseDelayMs).toBeCloseTo(base * 1000, 3);
        },
      ),
    );
  });
});

describe('convertLegacyRetryConfig: bad input and the notes', () => {
  it('lists every problem in one typed error: unknown keys (with a suggestion), bad values, conflicting spellings', () => {
    let error: unknown;
    try {
      convertLegacyRetryConfig({
        max_retrys: 3,
        base_delay: -1,
        maxDelay: 5,
        max_delay: 6,
        strategy: 'zigzag',
      } as never);
    } catch (e) {
      error = e;
    }
    expect(isRelError(error, 'REL_CONFIG_INVALID')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('config.max_retrys: unknown key (did you mean "max_retries"?)');
    expect(message).toContain('config.base_delay: received -1; expected a number in [0, 86400]');
    expect(message).toContain('config.max_delay: received 6; expected the same value as config.maxDelay (5)');
    expect(message).toContain('config.strategy: received "zigzag"');
  });

  it('notes are JSON and readable', () => {
    const c = convertLegacyRetryConfig({ max_retries: 2, base_delay: 0.5 });
    expect(JSON.parse(JSON.stringify(c.notes))).toEqual(c.notes);
    expect(formatConversionNotes(c.notes)).toContain('mapped    max_retries -> maxAttempts = 3');
    expect(notesOf(c, 'defaulted')).toContain('default');
  });
});

describe('legacy RETRY_* environment overrides', () => {
  it('win over the config and are noted, on a new object', () => {
    const legacy = Object.freeze({ max_attempts: 3, base_delay: 1 });
    const c = convertLegacyRetryConfig(legacy, {
      env: { RETRY_MAX_ATTEMPTS: '6', RETRY_BASE_DELAY: '.5', RETRY_STRATEGY: 'Fixed' },
    });
    expect(c.config).toMatchObject({ maxAttempts: 6, baseDelayMs: 500, backoff: 'fixed' });
    expect(notesOf(c, 'env')).toEqual(
      expect.arrayContaining(['RETRY_MAX_ATTEMPTS', 'RETRY_BASE_DELAY', 'RETRY_STRATEGY']),
    );
    expect(c.notes.find((n) => n.legacy === 'max_attempts')).toMatchObject({
      action: 'ignored',
      detail: 'overridden by the environment (RETRY_MAX_ATTEMPTS)',
    });
    expect(legacy).toEqual({ max_attempts: 3, base_delay: 1 });
  });

  it('readLegacyRetryEnv rejects every malformed value by name', () => {
    const issues: Parameters<typeof readLegacyRetryEnv>[1] = [];
    const r = readLegacyRetryEnv(
      {
        RETRY_MAX_ATTEMPTS: '2.5',
        RETRY_JITTER_RANGE: '2',
        RETRY_TIMEOUT_SECONDS: '',
        RETRY_MAX_DELAY: '1e2',
      },
      issues,
    );
    expect(issues.map((i) => i.path)).toEqual(['RETRY_MAX_ATTEMPTS', 'RETRY_JITTER_RANGE']);
    expect(r.settings).toEqual({ maxDelay: 100 });
  });
});

describe('convertLegacyCircuitConfig', () => {
  it('keeps the legacy threshold, fixed recovery, probes and success threshold', () => {
    const c = convertLegacyCircuitConfig({
      name: 'x',
      failure_threshold: 3,
      recovery_timeout: 45,
      half_open_max_calls: 2,
      timeout_seconds: 10,
    });
    expect(c.config).toMatchObject({
      strategy: 'consecutive',
      failureThreshold: 3,
      openMs: 45_000,
      halfOpenMaxProbes: 2,
      successThreshold: 1,
      openBackoffMultiplier: 1,
      openJitter: 0,
    });
    expect(c.name).toBe('x');
    expect(c.notes.find((n) => n.legacy === 'timeout_seconds')?.action).toBe('ignored');
    expect(() => convertLegacyCircuitConfig({ failure_threshhold: 3 } as never)).toThrow(
      /did you mean "failure_threshold"/,
    );
  });
});
