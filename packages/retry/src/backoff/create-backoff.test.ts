import { DEFAULT_RETRY_CONFIG, RelConfigError, type BackoffStrategy } from '@rel/config';
import { seededRandom, sequenceRandom } from '@rel/test-utils';
import { noJitterGenerator } from 'cockatiel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffSchedule, createBackoff } from './create-backoff.js';
import { INITIAL_BACKOFF_STATE, type BackoffOptions } from './types.js';

const base: BackoffOptions = {
  backoff: 'exponential',
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  multiplier: 2,
  jitter: 'none',
  jitterRange: 0.1,
};
const schedule = (options: Partial<BackoffOptions>, count = 8): number[] =>
  backoffSchedule(createBackoff({ ...base, ...options }), count);

describe('createBackoff: exact delays without jitter (base 1 s)', () => {
  it('exponential x2: 1, 2, 4, ... capped at maxDelayMs', () => {
    expect(schedule({})).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(schedule({ maxDelayMs: 5_000 }, 5)).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('exponential x2.5 (the LLM policy numbers)', () => {
    expect(schedule({ baseDelayMs: 2_000, multiplier: 2.5, maxDelayMs: 120_000 }, 5)).toEqual([
      2_000, 5_000, 12_500, 31_250, 78_125,
    ]);
  });

  it('fixed, linear and fibonacci', () => {
    expect(schedule({ backoff: 'fixed' }, 4)).toEqual([1_000, 1_000, 1_000, 1_000]);
    expect(schedule({ backoff: 'linear' }, 4)).toEqual([1_000, 2_000, 3_000, 4_000]);
    expect(schedule({ backoff: 'fibonacci' })).toEqual([
      1_000, 1_000, 2_000, 3_000, 5_000, 8_000, 13_000, 21_000,
    ]);
    expect(schedule({ backoff: 'fibonacci', maxDelayMs: 4_000 }, 6)).toEqual([
      1_000, 1_000, 2_000, 3_000, 4_000, 4_000,
    ]);
  });

  it('a huge attempt number is capped, not Infinity or NaN', () => {
    const backoff = createBackoff({ ...base, multiplier: 100 });
    expect(backoff.next({ attempt: 10_000, previousDelayMs: 60_000 }).delayMs).toBe(60_000);
    const fib = createBackoff({ ...base, backoff: 'fibonacci' });
    expect(fib.next({ attempt: 500, previousDelayMs: 60_000 }).delayMs).toBe(60_000);
  });

  it('matches cockatiel’s no-jitter exponential generator (exponent 2) on the same numbers', () => {
    // Cross-check against cockatiel: its n-th delay (0-based) is initialDelay * 2^n, capped.
    const options = { generator: noJitterGenerator, maxDelay: 30_000, exponent: 2, initialDelay: 128 };
    const theirs: number[] = [];
    let state: number | undefined;
    for (let i = 0; i < 10; i++) {
      const [delay, next] = noJitterGenerator(state, options);
      theirs.push(delay);
      state = next;
    }
    expect(schedule({ baseDelayMs: 128, maxDelayMs: 30_000 }, 10)).toEqual(theirs);
  });
});

describe('createBackoff: jitter and cap (property)', () => {
  const strategies: BackoffStrategy[] = ['fixed', 'linear', 'exponential', 'fibonacci', 'decorrelated'];
  const options = fc.record({
    backoff: fc.constantFrom(...strategies),
    baseDelayMs: fc.integer({ min: 0, max: 10_000 }),
    extra: fc.integer({ min: 0, max: 100_000 }),
    multiplier: fc.double({ min: 1, max: 10, noNaN: true }),
    jitter: fc.constantFrom('none', 'full', 'equal', 'proportional' as const),
    jitterRange: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('every delay lies in [0, maxDelayMs], for every strategy and jitter', () => {
    fc.assert(
      fc.property(options, fc.integer({ min: 1, max: 30 }), fc.integer(), (o, count, seed) => {
        const { extra, ...rest } = o;
        const backoff = createBackoff({ ...rest, maxDelayMs: o.baseDelayMs + extra });
        for (const d of backoffSchedule(backoff, count, seededRandom(seed))) {
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(o.baseDelayMs + extra);
          expect(Number.isFinite(d)).toBe(true);
        }
      }),
    );
  });

  it('decorrelated stays within [base, min(cap, 3 * prev)] and ignores the jitter kind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.integer(), (baseMs, seed) => {
        const backoff = createBackoff({
          ...base,
          backoff: 'decorrelated',
          baseDelayMs: baseMs,
          maxDelayMs: baseMs * 50,
          jitter: 'full',
        });
        let state = INITIAL_BACKOFF_STATE;
        const random = seededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const prev = state.previousDelayMs || baseMs;
          const step = backoff.next(state, { random });
          expect(step.delayMs).toBeGreaterThanOrEqual(Math.min(baseMs, baseMs * 50));
          expect(step.delayMs).toBeLessThanOrEqual(Math.min(baseMs * 50, 3 * prev));
          state = step.state;
        }
      }),
    );
  });
});

describe('createBackoff: state and inputs', () => {
  it('is pure: the same state and random give the same step', () => {
    const backoff = createBackoff({ ...DEFAULT_RETRY_CONFIG, backoff: 'decorrelated' });
    const state = { attempt: 3, previousDelayMs: 2_500 };
    const a = backoff.next(state, { random: sequenceRandom([0.3]) });
    const b = backoff.next(state, { random: sequenceRandom([0.3]) });
    expect(a).toEqual(b);
    expect(a.state).toEqual({ attempt: 4, previousDelayMs: a.delayMs });
    // decorrelated: U(base, 3 * prev) = 1000 + 0.3 * (7500 - 1000)
    expect(a.delayMs).toBeCloseTo(2_950, 9);
  });

  it('a custom delay gets the attempt, the previous delay and the error, and is capped', () => {
    const seen: unknown[] = [];
    const error = new Error('boom');
    const backoff = createBackoff({
      ...base,
      maxDelayMs: 2_500,
      backoff: {
        kind: 'custom',
        delay: (input) => {
          seen.push(input);
          return input.attempt * 1_000;
        },
      },
    });
    const first = backoff.next(INITIAL_BACKOFF_STATE, { error });
    const second = backoff.next(first.state, { error });
    const third = backoff.next(second.state, { error });
    expect([first.delayMs, second.delayMs, third.delayMs]).toEqual([1_000, 2_000, 2_500]);
    expect(seen[1]).toEqual({ attempt: 2, previousDelayMs: 1_000, error });
  });

  it('a custom delay that returns garbage is a RelConfigError naming the field and value', () => {
    for (const bad of [Number.NaN, -5, '100' as unknown as number]) {
      const backoff = createBackoff({ ...base, backoff: { kind: 'custom', delay: () => bad } });
      expect(() => backoff.next(INITIAL_BACKOFF_STATE)).toThrow(RelConfigError);
      expect(() => backoff.next(INITIAL_BACKOFF_STATE)).toThrow(/backoff\.delay/);
    }
  });
});
