import fc from 'fast-check';
import { sequenceRandom } from '@rel/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { resetDeprecationsForTests } from '../deprecation/usage.js';
import { calculateRetryDelay } from './calculate-retry-delay.js';
import { DatabaseRetryStrategy } from './database-retry-strategy.js';
import { EnhancedRetryConfig } from './enhanced-retry-config.js';
import { ERA_A_DEFAULTS, type StrategyRetryConfig } from './strategy-config.js';
import { enhancedStrategyDelay, rawStrategyDelay } from './strategy-delay.js';

afterAll(() => resetDeprecationsForTests());

const cfg = (over: Partial<StrategyRetryConfig>): StrategyRetryConfig => ({ ...ERA_A_DEFAULTS, ...over });

// The legacy Python, transcribed literally (random.uniform(a, b) = a + (b - a) * random()).
function pyFib(n: number): number {
  if (n <= 1) return n;
  let [a, b] = [0, 1];
  for (let i = 2; i <= n; i++) [a, b] = [b, a + b];
  return b;
}
function legacyDelay(rc: number, c: StrategyRetryConfig, r: () => number): number {
  const d =
    c.backoff_strategy === 'exponential'
      ? c.base_delay * 2 ** rc
      : c.backoff_strategy === 'linear'
        ? c.base_delay * (rc + 1)
        : c.backoff_strategy === 'fibonacci'
          ? c.base_delay * pyFib(rc + 1)
          : c.base_delay;
  const uniform = (a: number, b: number): number => a + (b - a) * r();
  let j: number;
  if (c.jitter_type === 'none') j = d;
  else if (c.jitter_type === 'full') j = uniform(0, d);
  else if (c.jitter_type === 'equal') j = d * 0.5 + uniform(0, d * 0.5);
  else j = uniform(c.base_delay, (rc === 0 ? d : d / 2) * 3);
  return Math.min(j, c.max_delay);
}

describe('Era A strategy delays (seconds)', () => {
  it.each([
    ['exponential', [1, 2, 4, 8, 16, 32, 60, 60]],
    ['linear', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['fibonacci', [1, 1, 2, 3, 5, 8, 13, 21]],
    ['fixed', [1, 1, 1, 1, 1, 1, 1, 1]],
    ['exponential_jitter', [1, 1, 1, 1, 1, 1, 1, 1]], // "anything else" is base_delay
  ] as const)('%s without jitter, cap 60: rc 0..7', (backoff_strategy, expected) => {
    const c = cfg({ backoff_strategy, jitter_type: 'none', max_delay: 60 });
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((rc) => enhancedStrategyDelay(rc, c, () => 0))).toEqual(expected);
  });

  it('multiplies by 2 whatever backoff_factor says (the legacy ignored it)', () => {
    const s = new DatabaseRetryStrategy({ base_delay: 0.5, backoff_factor: 5, jitter_type: 'none' });
    expect([0, 1, 2].map((rc) => s.getRetryDelay(rc))).toEqual([0.5, 1, 2]);
    expect(s.toCanonical().notes.some((n) => n.action === 'ignored' && n.legacy === 'backoff_factor')).toBe(
      true,
    );
  });

  it('jitters: FULL U(0, d), EQUAL d/2 + U(0, d/2), DECORRELATED U(base, 3p), p = d then d/2', () => {
    const r = (): number => 0.5;
    expect(enhancedStrategyDelay(2, cfg({ jitter_type: 'full' }), r)).toBe(2); // d = 4
    expect(enhancedStrategyDelay(2, cfg({ jitter_type: 'equal' }), r)).toBe(3);
    expect(enhancedStrategyDelay(0, cfg({ jitter_type: 'decorrelated' }), r)).toBe(2); // U(1, 3)
    expect(enhancedStrategyDelay(2, cfg({ jitter_type: 'decorrelated' }), r)).toBe(3.5); // U(1, 6)
    expect(enhancedStrategyDelay(9, cfg({ jitter_type: 'decorrelated', max_delay: 60 }), r)).toBe(60);
  });

  it('getRetryDelay draws on the injected random source, in order', () => {
    const s = new DatabaseRetryStrategy(
      { base_delay: 1, backoff_strategy: 'linear', jitter_type: 'full' },
      { random: sequenceRandom([0, 0.25, 0.999]) },
    );
    expect([0, 1, 2].map((rc) => s.getRetryDelay(rc))).toEqual([0, 0.5, 2.997]);
    expect(() => s.getRetryDelay(-1)).toThrow(/retry_count/);
  });

  it('property: equals the legacy formula for every strategy, jitter, base, cap, count and draw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('exponential', 'linear', 'fibonacci', 'fixed', 'adaptive' as const),
        fc.constantFrom('none', 'full', 'equal', 'decorrelated' as const),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (backoff_strategy, jitter_type, base_delay, max_delay, rc, u) => {
          const c = cfg({ backoff_strategy, jitter_type, base_delay, max_delay });
          const ours = enhancedStrategyDelay(rc, c, () => u);
          const theirs = legacyDelay(rc, c, () => u);
          expect(ours).toBeCloseTo(theirs, 9);
          expect(ours).toBeLessThanOrEqual(max_delay);
          expect(ours).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('property: fibonacci raw delays are base·F(rc+1) and grow like F(n) = F(n-1) + F(n-2)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (rc, base) => {
          const c = cfg({ backoff_strategy: 'fibonacci', base_delay: base });
          const [a, b, d] = [rc - 2, rc - 1, rc].map((n) => rawStrategyDelay(n, c));
          expect(Math.abs(d! - (a! + b!))).toBeLessThanOrEqual(1e-12 * d!);
          expect(Math.abs(d! / base - pyFib(rc + 1))).toBeLessThanOrEqual(1e-12 * pyFib(rc + 1));
        },
      ),
    );
  });

  it('an EnhancedRetryConfig sets the strategy and jitter over its base config', () => {
    const config = new EnhancedRetryConfig({
      base_config: { max_retries: 2, base_delay: 0.5, backoff_strategy: 'exponential' },
      backoff_strategy: 'linear',
      jitter_type: 'none',
    });
    const s = new DatabaseRetryStrategy(config);
    expect(s.config).toEqual({
      max_retries: 2,
      base_delay: 0.5,
      max_delay: 300,
      backoff_strategy: 'linear',
      jitter_type: 'none',
    });
    expect([0, 1, 2].map((rc) => s.getRetryDelay(rc))).toEqual([0.5, 1, 1.5]);
    expect(new EnhancedRetryConfig()).toMatchObject({ backoffStrategy: 'exponential', jitterType: 'full' });
    expect(() => new EnhancedRetryConfig({ jitter_type: 'wobbly' })).toThrow(/jitter_type/);
  });
});

describe('calculateRetryDelay(cfg, rc)', () => {
  it('is min(base·2^rc, max_delay), ignoring the strategy and jitter, in either spelling', () => {
    expect([0, 1, 2, 3].map((rc) => calculateRetryDelay({ base_delay: 0.5, max_delay: 3 }, rc))).toEqual([
      0.5, 1, 2, 3,
    ]);
    expect(calculateRetryDelay({ baseDelay: 1, jitter_type: 'full', backoff_strategy: 'linear' }, 4)).toBe(
      16,
    );
    expect(calculateRetryDelay(undefined, 20)).toBe(300); // Era A defaults: 1 s, cap 300 s
    expect(() => calculateRetryDelay({ base_dealy: 1 } as never, 0)).toThrow(/base_delay/);
  });
});
