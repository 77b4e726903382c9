import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_CONFIG } from './defaults.js';
import { RelConfigError } from './errors/config-error.js';
import { isRelError } from './errors/rel-error.js';
import {
  parseCircuitBreakerConfig,
  parseHealthConfig,
  parseReliabilityConfig,
  parseRetryConfig,
} from './parse.js';
import { defineProfile } from './policies/profiles.js';
import { BACKOFF_STRATEGIES, CLASSIFIER_DOMAINS, JITTER_KINDS } from './schema/retry.js';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Valid partial retry configs (JSON-friendly: no functions). */
const retryInput = fc.record(
  {
    maxAttempts: fc.integer({ min: 1, max: 100 }),
    baseDelayMs: finite(0, 10_000),
    maxDelayMs: finite(10_000, 86_400_000),
    backoff: fc.constantFrom(...BACKOFF_STRATEGIES),
    multiplier: finite(1, 100),
    jitter: fc.constantFrom(...JITTER_KINDS),
    jitterRange: finite(0, 1),
    attemptTimeoutMs: finite(1, 1_000),
    totalTimeoutMs: finite(1_000, 86_400_000),
    timeoutMode: fc.constantFrom('cooperative' as const, 'aggressive' as const),
    respectRetryAfter: fc.boolean(),
    classifier: fc.constantFrom(...CLASSIFIER_DOMAINS),
    budget: fc.oneof(
      fc.constant(false as const),
      fc.record({ ratio: finite(0, 10), minRetriesPerSecond: finite(0, 1000), ttlMs: finite(1, 60_000) }),
    ),
    retryOn: fc.array(
      fc.oneof(
        fc.record({ code: fc.constantFrom('ECONNRESET', 'ETIMEDOUT') }),
        fc.record({ status: fc.integer({ min: 100, max: 599 }) }),
        fc.record({ kind: fc.constantFrom('transient' as const, 'timeout' as const) }),
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);

describe('parseRetryConfig', () => {
  it('parses every valid input into a complete config that round-trips through JSON', () => {
    fc.assert(
      fc.property(retryInput, (input) => {
        const config = parseRetryConfig(input);
        expect(Object.keys(config)).toEqual(expect.arrayContaining(Object.keys(DEFAULT_RETRY_CONFIG)));
        // Idempotent, and JSON is a faithful carrier (what a config file or env var holds).
        expect(parseRetryConfig(config)).toEqual(config);
        expect(parseRetryConfig(JSON.parse(JSON.stringify(config)) as typeof input)).toEqual(config);
        expect(Object.isFrozen(config)).toBe(true);
      }),
    );
  });

  it('keeps functions (classes, predicates, custom delays) as they are', () => {
    class MyError extends Error {}
    const delay = ({ attempt }: { attempt: number }) => attempt * 10;
    const predicate = (e: unknown) => e instanceof MyError;
    const config = parseRetryConfig({ retryOn: [MyError, predicate], backoff: { kind: 'custom', delay } });
    expect(config.retryOn).toEqual([MyError, predicate]);
    expect(config.backoff).toEqual({ kind: 'custom', delay });
    expect(Object.isFrozen(MyError)).toBe(false);
  });

  it('reports every problem at once, with path, received value, allowed values and a suggestion', () => {
    const error = (() => {
      try {
        parseRetryConfig({ maxAtempts: 5, jitter: 'fulll', baseDelayMs: -1 } as never);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RelConfigError);
    const issues = (error as RelConfigError).issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['baseDelayMs', 'jitter', 'maxAtempts']);
    expect(issues.find((i) => i.path === 'maxAtempts')).toMatchObject({
      suggestion: 'maxAttempts',
      unknownKey: true,
    });
    expect(issues.find((i) => i.path === 'jitter')).toMatchObject({ received: 'fulll', suggestion: 'full' });
    expect((error as Error).message).toContain(
      'jitter: received "fulll"; expected one of "none" | "full" | "equal" | "proportional"',
    );
    expect((error as Error).message).toContain('baseDelayMs: received -1; expected a number >= 0');
    expect(isRelError(error, 'REL_CONFIG_INVALID')).toBe(true);
  });

  it('checks cross-field rules', () => {
    expect(() => parseRetryConfig({ baseDelayMs: 5_000, maxDelayMs: 1_000 })).toThrow(
      /maxDelayMs: received 1000; expected must be >= baseDelayMs \(5000\)/,
    );
    expect(() => parseRetryConfig({ attemptTimeoutMs: 5_000, totalTimeoutMs: 1_000 })).toThrow(
      /attemptTimeoutMs/,
    );
  });

  it('merges a partial budget over the base budget', () => {
    expect(parseRetryConfig({ budget: { ratio: 0.1 } }).budget).toEqual({
      ratio: 0.1,
      minRetriesPerSecond: 10,
      ttlMs: 10_000,
    });
    expect(parseRetryConfig({ budget: false }).budget).toBe(false);
  });
});

describe('arbitrary input', () => {
  const parsers = [
    (x: unknown) => parseRetryConfig(x as never),
    (x: unknown) => parseCircuitBreakerConfig(x as never),
    (x: unknown) => parseHealthConfig(x as never),
    (x: unknown) => parseReliabilityConfig(x as never),
    (x: unknown) => defineProfile(x as never),
  ];

  it('never throws anything but RelConfigError, and every issue names a path that the message shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: parsers.length - 1 }), fc.jsonValue(), (which, input) => {
        try {
          parsers[which]!(input);
        } catch (error) {
          expect(error).toBeInstanceOf(RelConfigError);
          const { issues, message } = error as RelConfigError;
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) {
            expect(issue.path.length).toBeGreaterThan(0);
            expect(message).toContain(`${issue.path}:`);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the exact path of a single bad field planted in a valid config', () => {
    const bad = fc.constantFrom<[string, unknown]>(
      ['maxAttempts', 0],
      ['maxAttempts', 1.5],
      ['baseDelayMs', -1],
      ['jitter', 'sometimes'],
      ['backoff', 'quadratic'],
      ['multiplier', 0.5],
      ['jitterRange', 2],
      ['classifier', 'mainframe'],
      ['respectRetryAfter', 'yes'],
    );
    fc.assert(
      fc.property(retryInput, bad, (input, [key, value]) => {
        const planted = { ...input, [key]: value };
        try {
          parseRetryConfig(planted);
          expect.unreachable(`accepted ${key}=${String(value)}`);
        } catch (error) {
          expect((error as RelConfigError).issues.map((i) => i.path)).toContain(key);
        }
      }),
    );
  });
});

describe('parseReliabilityConfig', () => {
  it('turns a section off with false and back on from its defaults', () => {
    const off = parseReliabilityConfig({ circuitBreaker: false });
    expect(off.circuitBreaker).toBe(false);
    const on = parseReliabilityConfig({ circuitBreaker: { failureThreshold: 2 } }, off);
    expect(on.circuitBreaker).toMatchObject({ failureThreshold: 2, strategy: 'consecutive', openMs: 30_000 });
  });

  it('requires maxConcurrent for a bulkhead', () => {
    expect(() => parseReliabilityConfig({ bulkhead: { maxQueue: 3 } })).toThrow(
      /bulkhead.maxConcurrent: received nothing; expected a number/,
    );
    expect(parseReliabilityConfig({ bulkhead: { maxConcurrent: 4 } }).bulkhead).toEqual({
      maxConcurrent: 4,
      maxQueue: 0,
    });
  });

  it('reports misspelt section keys with a suggestion', () => {
    expect(() => parseReliabilityConfig({ circuitBreaker: { failureTreshold: 3 } } as never)).toThrow(
      /circuitBreaker.failureTreshold: unknown key \(did you mean "failureThreshold"\?\)/,
    );
    expect(() => parseReliabilityConfig({ retyr: {} } as never)).toThrow(
      /retyr: unknown key \(did you mean "retry"\?\)/,
    );
  });

  it('orders health thresholds', () => {
    expect(() => parseHealthConfig({ degradedThreshold: 0.95 })).toThrow(/thresholds must be ordered/);
  });
});
