// Circuit breaker throughput: the success path against cockatiel and opossum, and the cost
// of a refusal on the throwing and the non-throwing path.
import { UnifiedCircuitBreaker } from '@rel/circuit';
import { ConsecutiveBreaker, circuitBreaker, handleAll, type CircuitBreakerPolicy } from 'cockatiel';
import CircuitBreaker from 'opossum';
import { compareThroughput, fmt, ratio, type BenchSuite, type ThroughputResult } from '../harness.js';

const op = (): Promise<number> => Promise.resolve(1);
const swallow = (): void => undefined;

function byName(results: readonly ThroughputResult[], name: string): ThroughputResult {
  const found = results.find((r) => r.name === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
}

async function successPath(quick: boolean) {
  const rel = new UnifiedCircuitBreaker('bench', { failureThreshold: 5 });
  const timed = new UnifiedCircuitBreaker('bench-timed', { failureThreshold: 5 }, { measureDurations: true });
  const cockatiel: CircuitBreakerPolicy = circuitBreaker(handleAll, {
    halfOpenAfter: 30_000,
    breaker: new ConsecutiveBreaker(5),
  });
  const opossumDefaults = new CircuitBreaker(op, {});
  const opossumNoTimeout = new CircuitBreaker(op, { timeout: false });
  const results = await compareThroughput(
    [
      { name: '@rel execute()', fn: () => rel.execute(op) },
      { name: '@rel tryExecute()', fn: () => rel.tryExecute(op) },
      { name: '@rel execute(), measureDurations: true', fn: () => timed.execute(op) },
      { name: 'cockatiel circuitBreaker(ConsecutiveBreaker(5))', fn: () => cockatiel.execute(op) },
      { name: 'opossum 9, defaults (10 s timeout)', fn: () => opossumDefaults.fire() },
      { name: 'opossum 9, timeout: false', fn: () => opossumNoTimeout.fire() },
    ],
    quick ? { batch: 5_000, rounds: 3 } : { batch: 20_000, rounds: 9 },
  );
  opossumDefaults.shutdown();
  opossumNoTimeout.shutdown();
  return results;
}

async function refusals(quick: boolean) {
  // Open for an hour: every call in the measurement is refused.
  const rel = new UnifiedCircuitBreaker('bench-open', {
    failureThreshold: 1,
    openMs: 3_600_000,
    maxOpenMs: 3_600_000,
  });
  rel.release(rel.tryAcquire(), 'transient', 1);
  const cockatiel = circuitBreaker(handleAll, {
    halfOpenAfter: 3_600_000,
    breaker: new ConsecutiveBreaker(1),
  });
  await cockatiel.execute(() => Promise.reject(new Error('down'))).catch(swallow);
  const opossum = new CircuitBreaker(op, { timeout: false });
  opossum.open();
  const results = await compareThroughput(
    [
      {
        name: '@rel tryExecute() (non-throwing)',
        fn: () => rel.tryExecute(op),
      },
      {
        name: '@rel tryAcquire() (admission gate, sync)',
        fn: () => rel.tryAcquire(),
      },
      { name: '@rel execute() (throws CircuitOpenError)', fn: () => rel.execute(op).catch(swallow) },
      {
        name: 'cockatiel execute() (throws BrokenCircuitError)',
        fn: () => cockatiel.execute(op).catch(swallow),
      },
      { name: 'opossum 9 fire() (rejects)', fn: () => opossum.fire().catch(swallow) },
    ],
    quick ? { batch: 5_000, rounds: 3 } : { batch: 20_000, rounds: 9 },
  );
  opossum.shutdown();
  return results;
}

const row = (r: ThroughputResult, base: ThroughputResult): (string | number)[] => [
  r.name,
  fmt(r.opsPerSec),
  fmt(r.nsPerOp, 0),
  ratio(r.opsPerSec / base.opsPerSec),
];

/** Success-path and refusal throughput of the breaker, side by side with the peers. */
export const suite: BenchSuite = {
  id: 'circuit-throughput',
  order: 30,
  async run({ quick, log }) {
    log('   success path');
    const success = await successPath(quick);
    log('   refusals');
    const refused = await refusals(quick);

    const rel = byName(success, '@rel execute()');
    const cockatiel = byName(success, 'cockatiel circuitBreaker(ConsecutiveBreaker(5))');
    const opDefaults = byName(success, 'opossum 9, defaults (10 s timeout)');
    const opNoTimeout = byName(success, 'opossum 9, timeout: false');
    const nonThrowing = byName(refused, '@rel tryExecute() (non-throwing)');
    const throwing = byName(refused, '@rel execute() (throws CircuitOpenError)');
    const vsOpossum = Math.min(rel.opsPerSec / opDefaults.opsPerSec, rel.opsPerSec / opNoTimeout.opsPerSec);

    return {
      title: 'Circuit breaker: success path and refusals',
      method:
        'Each task runs an already-resolved async operation through a closed breaker (success path), or ' +
        'through a breaker held open (refusals); tasks are interleaved in batches and the median batch is reported.',
      tables: [
        {
          caption: 'Success path (closed breaker), relative to cockatiel',
          columns: ['implementation', 'ops/s', 'ns/op', 'vs cockatiel'],
          rows: success.map((r) => row(r, cockatiel)),
        },
        {
          caption: 'Open breaker: refusals, relative to the throwing @rel path',
          columns: ['implementation', 'refusals/s', 'ns/op', 'vs @rel throwing'],
          rows: refused.map((r) => row(r, throwing)),
        },
      ],
      targets: [
        {
          claim: 'success path >= 1.0x cockatiel breaker',
          measured: ratio(rel.opsPerSec / cockatiel.opsPerSec),
          pass: rel.opsPerSec >= cockatiel.opsPerSec,
        },
        {
          claim: 'success path >= 2x opossum 9 (defaults and timeout: false)',
          measured: `${ratio(rel.opsPerSec / opDefaults.opsPerSec)} / ${ratio(rel.opsPerSec / opNoTimeout.opsPerSec)}`,
          pass: vsOpossum >= 2,
        },
        {
          claim: 'open-circuit refusals: non-throwing path >= 10x the throwing path',
          measured: ratio(nonThrowing.opsPerSec / throwing.opsPerSec),
          pass: nonThrowing.opsPerSec >= 10 * throwing.opsPerSec,
        },
      ],
      notes: [
        'opossum with defaults arms a 10 s timer per call (`timeout`), which is most of its cost; ' +
          '`timeout: false` shows the breaker alone. @rel times calls only when something uses the durations ' +
          '(the `slow_call` strategy, or `measureDurations: true` for the slow-call statistics): that is two ' +
          'clock reads per call, shown in its own row.',
      ],
    };
  },
};
