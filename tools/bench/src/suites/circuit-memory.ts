// Circuit breaker memory: heap bytes per breaker instance, against cockatiel and opossum.
import { UnifiedCircuitBreaker } from '@rel/circuit';
import { DATABASE_CIRCUIT_BREAKER, parseCircuitBreakerConfig } from '@rel/config';
import { ConsecutiveBreaker, SamplingBreaker, circuitBreaker, handleAll } from 'cockatiel';
import CircuitBreaker from 'opossum';
import { fmt, heapPerItem, median, ratio, type BenchSuite } from '../harness.js';

const op = (): Promise<number> => Promise.resolve(1);

/** Median of a few measurements (heap readings are noisy). */
function measure(rounds: number, count: number, build: (count: number) => unknown): number {
  return median(Array.from({ length: rounds }, () => heapPerItem(count, build)));
}

/** Heap per breaker instance: @rel against cockatiel's policies and opossum's breaker. */
export const suite: BenchSuite = {
  id: 'circuit-memory',
  order: 31,
  async run({ quick, log }) {
    const count = 10_000;
    const rounds = quick ? 1 : 5;
    const timeWindow = parseCircuitBreakerConfig({ strategy: 'time', windowMs: 30_000 });
    const opossums: CircuitBreaker[] = [];

    log('   @rel');
    const rel = measure(rounds, count, (n) =>
      Array.from({ length: n }, (_, i) => new UnifiedCircuitBreaker(`dep-${i}`, DATABASE_CIRCUIT_BREAKER)),
    );
    const relTime = measure(rounds, count, (n) =>
      Array.from({ length: n }, (_, i) => new UnifiedCircuitBreaker(`dep-${i}`, timeWindow)),
    );
    log('   cockatiel');
    const cockatiel = measure(rounds, count, (n) =>
      Array.from({ length: n }, () =>
        circuitBreaker(handleAll, { halfOpenAfter: 60_000, breaker: new ConsecutiveBreaker(5) }),
      ),
    );
    const cockatielSampling = measure(rounds, count, (n) =>
      Array.from({ length: n }, () =>
        circuitBreaker(handleAll, {
          halfOpenAfter: 60_000,
          breaker: new SamplingBreaker({ threshold: 0.5, duration: 30_000 }),
        }),
      ),
    );
    log('   opossum');
    const opossum = measure(rounds, count, (n) => {
      const built = Array.from({ length: n }, () => new CircuitBreaker(op, {}));
      opossums.push(...built);
      return built;
    });
    // opossum arms interval timers per breaker; stop them all.
    for (const breaker of opossums) breaker.shutdown();
    await Promise.resolve();

    const rows: Array<[string, number, number]> = [
      ['@rel UnifiedCircuitBreaker, consecutive (DATABASE_CIRCUIT_BREAKER)', rel, cockatiel],
      ['@rel UnifiedCircuitBreaker, time window (30 s, 30 buckets)', relTime, cockatielSampling],
      ['cockatiel circuitBreaker, ConsecutiveBreaker(5)', cockatiel, cockatiel],
      ['cockatiel circuitBreaker, SamplingBreaker(30 s)', cockatielSampling, cockatielSampling],
      ['opossum 9 CircuitBreaker, defaults', opossum, cockatiel],
    ];
    return {
      title: 'Circuit breaker: memory per instance',
      method:
        `Heap delta after GC for ${fmt(count)} breakers kept alive, divided by the count ` +
        `(median of ${rounds} measurement${rounds === 1 ? '' : 's'}). Each @rel breaker has its own name; ` +
        'configs are shared frozen policies, as in real use.',
      tables: [
        {
          caption: 'Bytes per breaker (ratio against the cockatiel policy with the same kind of window)',
          columns: ['implementation', 'bytes each', 'vs cockatiel'],
          rows: rows.map(([name, bytes, base]) => [name, fmt(bytes), ratio(bytes / base)]),
        },
      ],
      targets: [
        {
          claim: 'memory per breaker <= cockatiel ConsecutiveBreaker policy',
          measured: `${fmt(rel)} B vs ${fmt(cockatiel)} B (${ratio(rel / cockatiel)})`,
          pass: rel <= cockatiel,
        },
        {
          claim: "memory per breaker well under opossum's (<= 0.5x)",
          measured: `${fmt(rel)} B vs ${fmt(opossum)} B (${ratio(rel / opossum)})`,
          pass: rel <= 0.5 * opossum,
        },
      ],
      notes: [
        'Event emitters, half-open probe slots and window rings are allocated only when used ' +
          '(first listener, first half-open, window strategies), so an idle breaker is a plain object ' +
          "plus cockatiel's ConsecutiveBreaker counter.",
      ],
    };
  },
};
