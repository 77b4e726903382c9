// Retry success-path overhead: @rel's execute() against bare calls, cockatiel's retry and
// p-retry; then what an attempt timeout costs, ours against cockatiel's timeout policy.
import { UnifiedRetryHandler } from '@rel/retry';
import { ExponentialBackoff, TimeoutStrategy, handleAll, retry, timeout, wrap } from 'cockatiel';
import pRetry from 'p-retry';
import {
  collectGarbage,
  compareThroughput,
  fmt,
  ratio,
  type BenchSuite,
  type ThroughputResult,
} from '../harness.js';

const op = (): Promise<number> => Promise.resolve(42);

function byName(results: readonly ThroughputResult[], name: string): ThroughputResult {
  const found = results.find((r) => r.name === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
}

const row = (r: ThroughputResult, base: ThroughputResult): (string | number)[] => [
  r.name,
  fmt(r.opsPerSec),
  fmt(r.nsPerOp, 0),
  ratio(r.opsPerSec / base.opsPerSec),
];

const NAMES = {
  bare: 'bare `await fn()`',
  ours: '@rel execute() (defaults: 3 attempts, budget on)',
  oursResult: '@rel executeWithRetry()',
  cockatiel: 'cockatiel retry(handleAll, { maxAttempts: 3, ExponentialBackoff })',
  pRetry: 'p-retry 7 pRetry(fn, { retries: 2 })',
  oursTimeout: '@rel execute(), attemptTimeoutMs 1000 (aggressive)',
  oursCoop: '@rel execute(), attemptTimeoutMs 1000 (cooperative)',
  oursDeadline: '@rel execute(), attempt 1000 + total 5000 ms',
  cockatielTimeout: 'cockatiel wrap(retry, timeout(1000, Aggressive))',
  cockatielCoop: 'cockatiel wrap(retry, timeout(1000, Cooperative))',
} as const;

/** Success-path cost of the retry engine, and of an attempt timeout, against the peers. */
export const suite: BenchSuite = {
  id: 'retry-overhead',
  order: 10,
  async run({ quick, log }) {
    // Handlers use their own budget key so no other suite's traffic shares their bucket.
    const ours = new UnifiedRetryHandler('bench-retry', { maxAttempts: 3 });
    const oursTimeout = new UnifiedRetryHandler('bench-retry-t', { maxAttempts: 3, attemptTimeoutMs: 1_000 });
    const oursCoop = new UnifiedRetryHandler('bench-retry-c', {
      maxAttempts: 3,
      attemptTimeoutMs: 1_000,
      timeoutMode: 'cooperative',
    });
    const oursDeadline = new UnifiedRetryHandler('bench-retry-d', {
      maxAttempts: 3,
      attemptTimeoutMs: 1_000,
      totalTimeoutMs: 5_000,
    });
    const cockatiel = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
    const cockatielTimeout = wrap(cockatiel, timeout(1_000, TimeoutStrategy.Aggressive));
    const cockatielCoop = wrap(cockatiel, timeout(1_000, TimeoutStrategy.Cooperative));
    const options = quick ? { batch: 5_000, rounds: 3 } : { batch: 20_000, rounds: 9 };

    // Peers that cost 100x more (p-retry, cockatiel's timeout) leave the heap busy for the
    // next batches, which would bill their garbage to whoever runs after them; so the fast
    // tasks are interleaved with each other, and the slow ones measured in their own group
    // (with the baseline they are compared to), a collection in between.
    log('   success path');
    const success = await compareThroughput(
      [
        { name: NAMES.bare, fn: () => op() },
        { name: NAMES.ours, fn: () => ours.execute(op) },
        { name: NAMES.oursResult, fn: () => ours.executeWithRetry(op) },
        { name: NAMES.cockatiel, fn: () => cockatiel.execute(op) },
      ],
      options,
    );
    collectGarbage();
    const slow = quick ? { batch: 1_000, rounds: 3 } : { batch: 4_000, rounds: 7 };
    const pRetryGroup = await compareThroughput(
      [{ name: NAMES.pRetry, fn: () => pRetry(op, { retries: 2 }) }],
      slow,
    );
    collectGarbage();
    log('   attempt timeout');
    const timeouts = await compareThroughput(
      [
        { name: NAMES.ours, fn: () => ours.execute(op) },
        { name: NAMES.oursTimeout, fn: () => oursTimeout.execute(op) },
        { name: NAMES.oursCoop, fn: () => oursCoop.execute(op) },
        { name: NAMES.oursDeadline, fn: () => oursDeadline.execute(op) },
      ],
      options,
    );
    collectGarbage();
    const cockatielTimeouts = await compareThroughput(
      [
        { name: NAMES.cockatielTimeout, fn: () => cockatielTimeout.execute(op) },
        { name: NAMES.cockatielCoop, fn: () => cockatielCoop.execute(op) },
      ],
      slow,
    );

    const bare = byName(success, NAMES.bare);
    const vsCockatiel = byName(success, NAMES.ours).opsPerSec / byName(success, NAMES.cockatiel).opsPerSec;
    const oursBase = byName(timeouts, NAMES.ours);
    const timeoutCost = oursBase.opsPerSec / byName(timeouts, NAMES.oursTimeout).opsPerSec;
    const coopCost = oursBase.opsPerSec / byName(timeouts, NAMES.oursCoop).opsPerSec;
    const cockatielBase = byName(success, NAMES.cockatiel);
    const cockatielCost =
      cockatielBase.opsPerSec / byName(cockatielTimeouts, NAMES.cockatielTimeout).opsPerSec;
    const cost = (r: ThroughputResult, base: ThroughputResult): (string | number)[] => [
      r.name,
      fmt(r.opsPerSec),
      fmt(r.nsPerOp, 0),
      ratio(base.opsPerSec / r.opsPerSec),
    ];

    return {
      title: 'Retry: success-path overhead and attempt timeouts',
      method:
        'Sequential `await` of an operation that resolves at once, 3 attempts allowed; batches of every ' +
        'task interleaved in rotating order, median of the rounds. The timeout table reports each ' +
        "configuration's cost as a multiple of the same library without a timeout. p-retry and " +
        "cockatiel's timeout (100x slower) run in their own groups after a collection, compared with the " +
        'baselines of the first group: interleaved with fast tasks, their garbage would be billed to ' +
        'whatever runs after them.',
      tables: [
        {
          caption: 'Success path (ratio: throughput relative to a bare call)',
          columns: ['implementation', 'ops/s', 'ns/op', 'vs bare'],
          rows: [...success.map((r) => row(r, bare)), row(byName(pRetryGroup, NAMES.pRetry), bare)],
        },
        {
          caption: 'Attempt timeout (ratio: cost relative to the same library without a timeout)',
          columns: ['implementation', 'ops/s', 'ns/op', 'cost'],
          rows: [
            ...timeouts.map((r) => cost(r, oursBase)),
            cost(cockatielBase, cockatielBase),
            ...cockatielTimeouts.map((r) => cost(r, cockatielBase)),
          ],
        },
      ],
      targets: [
        {
          claim: 'execute() success path >= 1.0x cockatiel retry',
          measured: ratio(vsCockatiel),
          pass: vsCockatiel >= 1,
        },
        {
          claim: 'attempt timeout costs <= 2x the same call without one',
          measured: `${ratio(timeoutCost)} aggressive, ${ratio(coopCost)} cooperative (cockatiel: ${ratio(cockatielCost)})`,
          pass: timeoutCost <= 2 && coopCost <= 2,
        },
      ],
      notes: [
        'Why the timeout is cheap: one deadline-ordered list of in-flight attempts per handler watched by ' +
          'one lazily armed timer (no setTimeout/clearTimeout per call), an AbortController only when the ' +
          'operation reads `signal`, and no `abort()` on success. cockatiel creates a controller, adds a ' +
          'listener and aborts on every call.',
      ],
    };
  },
};
