// The migrated fixtures type-check, run, and behave as the legacy ones through @rel/compat:
// the same attempts, the same delays on a fake clock with the same seeded randomness, the
// same results and errors, and the same canonical configuration in the default manager.
import { join } from 'node:path';
import { ReliabilityManager, setDefaultManager } from '@rel/core';
import { FakeClock, seededRandom } from '@rel/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFixtures, migrate, removeCopy, typecheck } from './migrated-fixtures.js';

type Op = (...args: unknown[]) => Promise<string>;
type Scenario = (module: Record<string, unknown>, op: Op) => Promise<unknown>;

interface Observed {
  readonly outcome: unknown;
  readonly attempts: number;
  readonly gaps: readonly number[];
  readonly configs: readonly unknown[];
}

let dir: string;
beforeAll(async () => {
  dir = copyFixtures('equivalence');
  await migrate(dir, true);
}, 60_000);
afterAll(() => removeCopy(dir));

class ValidationError extends Error {
  override name = 'ValidationError';
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Errors and floats as comparable data: an error by class and message. */
function comparable(value: unknown): unknown {
  if (value instanceof Error) return { error: value.constructor.name, message: value.message };
  if (typeof value === 'number') return round(value);
  if (typeof value === 'function') return 'fn';
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  }
  return value;
}

/** Runs a scenario on a fresh default manager (fake clock, seeded randomness everywhere). */
async function observe(
  file: string,
  scenario: Scenario,
  failures: number,
  error: (n: number) => unknown,
): Promise<Observed> {
  const clock = new FakeClock();
  const manager = new ReliabilityManager({ clock, random: seededRandom(7) });
  const previous = setDefaultManager(manager);
  const spy = vi.spyOn(Math, 'random').mockImplementation(seededRandom(11));
  try {
    const module = (await import(file)) as Record<string, unknown>;
    const times: number[] = [];
    const op: Op = (...args) => {
      times.push(clock.now());
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- legacy operations reject with anything
      if (times.length <= failures) return Promise.reject(error(times.length));
      return Promise.resolve(`ok ${args.length}`);
    };
    const settled = scenario(module, op).then(
      (value) => ({ value }),
      (thrown: unknown) => ({ thrown }),
    );
    await clock.runAll();
    const outcome = await settled;
    return {
      outcome: comparable(outcome),
      attempts: times.length,
      gaps: times.slice(1).map((t, i) => round(t - times[i]!)),
      // Function-valued fields are compared by what they do (attempts, delays, outcomes):
      // where compat runs a custom backoff whose delays are a canonical strategy's, the
      // migrated profile names that strategy, and a rule that never refuses is left out.
      configs: manager
        .instances()
        .map((i) => {
          const { backoff: _b, retryOn: _r, neverRetryOn: _n, ...retry } = i.config.retry;
          return comparable({ ...i.config, retry });
        })
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    };
  } finally {
    spy.mockRestore();
    setDefaultManager(previous);
  }
}

const call =
  (name: string, ...extra: unknown[]): Scenario =>
  (m, op) =>
    (m[name] as (...a: unknown[]) => Promise<unknown>)(...[op, ...extra]);

const flaky = (n: number): Error => new Error(`503 overloaded, attempt ${n}`);

// [fixture, scenario name, scenario, failures, error]
const CASES: [string, string, Scenario, number, (n: number) => unknown][] = [
  ['retry-manager', 'linear, succeeds on the 3rd attempt', call('fetchUser'), 2, flaky],
  ['retry-manager', 'linear, gives up after 4', call('fetchUser'), 9, flaky],
  [
    'retry-manager',
    'linear, a named error class stops at once',
    call('fetchUser'),
    9,
    () => new ValidationError('bad'),
  ],
  ['retry-manager', 'exponential_jitter (Math.random), succeeds', call('loadProfile'), 2, flaky],
  [
    'retry-manager',
    'exponential_jitter, socket errors, gives up',
    call('loadProfile'),
    9,
    () => Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
  ],
  [
    'retry-manager',
    'max_retries form via a private field, fails',
    (m, op) => new (m.SearchAgent as new () => { search: (op: Op) => Promise<unknown> })().search(op),
    9,
    flaky,
  ],
  [
    'retry-manager',
    'a TypeError stops at once',
    (m, op) => new (m.SearchAgent as new () => { ping: (op: Op) => Promise<unknown> })().ping(op),
    9,
    () => new TypeError('x is undefined'),
  ],
  ['reliability-retry', 'exponential base 3, capped, throws the last error', call('rank'), 9, flaky],
  ['reliability-retry', 'stored config, succeeds', call('store'), 1, flaky],
  [
    'reliability-retry',
    'jitter after the cap, a TypeError is retried',
    call('load'),
    2,
    () => new TypeError('boom'),
  ],
  [
    'enhanced-retry',
    'RetryStrategy x3, succeeds',
    (m, op) => (m.complete as (p: string, u: Op) => Promise<string>)('hi', op),
    3,
    flaky,
  ],
  [
    'enhanced-retry',
    'RetryStrategy, a message without a retry word stops',
    (m, op) => (m.complete as (p: string, u: Op) => Promise<string>)('hi', op),
    9,
    () => new Error('boom'),
  ],
  ['enhanced-retry', 'APISpecific openai, gives up', call('chat'), 9, flaky],
  [
    'enhanced-retry',
    'APISpecific refuses 401',
    call('chat'),
    9,
    () => new Error('401 unauthorized: timeout'),
  ],
  ['enhanced-retry', 'FAST_LLM_RETRY', call('fast'), 9, flaky],
  ['enhanced-retry', 'STANDARD_LLM_RETRY', call('standard'), 3, flaky],
  ['enhanced-retry', 'SLOW_LLM_RETRY', call('slow'), 9, flaky],
  ['enhanced-retry', 'OPENAI_RETRY', call('openai'), 4, flaky],
  ['enhanced-retry', 'the default RetryStrategy', call('defaults'), 9, flaky],
  [
    'enhanced-retry',
    'CircuitBreakerRetryStrategy(ANTHROPIC_RETRY)',
    (m, op) => (m.summarise as (f: Op, t: string) => Promise<string>)(op, 'text'),
    2,
    flaky,
  ],
  [
    'enhanced-retry',
    'CircuitBreakerRetryStrategy opens after 5 failed attempts, refuses, and says so',
    async (m, op) => {
      const summarise = m.summarise as (f: Op, t: string) => Promise<string>;
      const busy = m.busy as () => boolean;
      const first = await summarise(op, 'a').catch((e: unknown) => e);
      const second = await summarise(op, 'b').catch((e: unknown) => e);
      const third = await summarise(op, 'c').catch((e: unknown) => (e as Error).name);
      return { first, second, third, busy: busy() };
    },
    99,
    flaky,
  ],
];

describe('migrated fixtures', () => {
  it('type-check with the repository settings', () => {
    const result = typecheck(dir);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);

  it.each(CASES)('%s: %s behaves as the legacy call', async (fixture, _name, scenario, failures, error) => {
    const legacy = await observe(
      join(import.meta.dirname, '../fixtures', `${fixture}.ts`),
      scenario,
      failures,
      error,
    );
    const migrated = await observe(join(dir, `${fixture}.ts`), scenario, failures, error);
    expect(migrated.attempts).toBe(legacy.attempts);
    expect(migrated.gaps).toEqual(legacy.gaps);
    expect(migrated.outcome).toEqual(legacy.outcome);
    expect(migrated.configs).toEqual(legacy.configs);
    expect(legacy.attempts).toBeGreaterThan(0);
  });
});
