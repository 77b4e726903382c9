// Health tracking: per-record cost, constant memory over 1,000,000 outcomes, and the cost
// of recording a failure against opossum 9's rolling stats as the window fills up.
import type { Clock } from '@rel/config';
import { ReliabilityHealthTracker } from '@rel/health';
import CircuitBreaker from 'opossum';
import {
  collectGarbage,
  compareThroughput,
  fmt,
  ratio,
  type BenchSuite,
  type Table,
  type Target,
} from '../harness.js';

const failure = new Error('upstream reset the connection');
const OUTCOMES = 1_000_000;
const FILL_LEVELS = [1_000, 10_000, 26_000] as const;

/** A clock that moves 1 ms per reading: a long run sweeps the windows many times over. */
function steppingClock(): Clock {
  let t = 1_700_000_000_000;
  return { now: () => (t += 1), setTimeout: () => 0, clearTimeout: () => undefined };
}

async function perRecord(quick: boolean) {
  const plain = new ReliabilityHealthTracker('bench');
  const slo = new ReliabilityHealthTracker('bench-slo', { latencySloMs: 100 });
  const listened = new ReliabilityHealthTracker('bench-events');
  listened.onStatusChange(() => undefined);
  let i = 0;
  const mixed = (t: ReliabilityHealthTracker) => (): void => {
    i++;
    if (i % 10 === 0) t.record({ kind: 'transient', durationMs: 250, attempt: 1, error: failure });
    else t.record({ kind: 'success', durationMs: 40 + (i % 50) });
  };
  return compareThroughput(
    [
      { name: 'record(success)', fn: () => plain.record({ kind: 'success', durationMs: 42 }) },
      { name: 'record(), 10% failures with error history', fn: mixed(plain) },
      { name: 'record(), 10% failures, latency SLO in breach', fn: mixed(slo) },
      { name: 'record(), 10% failures, a status listener', fn: mixed(listened) },
    ],
    quick ? { batch: 20_000, rounds: 3 } : { batch: 200_000, rounds: 9 },
  );
}

function heapGrowth(): { bytes: number; ns: number } {
  const tracker = new ReliabilityHealthTracker('heap', { latencySloMs: 100 }, { clock: steppingClock() });
  const record = (n: number): void => {
    for (let i = 0; i < n; i++) {
      if (i % 7 === 0)
        tracker.record({ kind: 'timeout', durationMs: 1_000 + (i % 997), attempt: 2, error: failure });
      else if (i % 13 === 0) tracker.record({ kind: 'cancelled', durationMs: 3 });
      else tracker.record({ kind: 'success', durationMs: (i % 500) / 3 });
    }
  };
  record(200_000); // warm-up: JIT, every ring slot and error slot written once
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  record(OUTCOMES);
  const ns = Number(process.hrtime.bigint() - start) / OUTCOMES;
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  if (tracker.snapshot().totals.success === 0) throw new Error('nothing recorded');
  return { bytes: after - before, ns };
}

/** Median ns of `fn` over `rounds` timed runs of `k` calls. */
function timeEach(fn: () => void, k: number, rounds: number): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < k; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / k);
  }
  return samples.sort((a, b) => a - b)[rounds >> 1]!;
}

/** opossum 9's Status with `filled` failures in a 10-minute window (no rotation during the run). */
function opossumAt(filled: number, percentiles: boolean): CircuitBreaker {
  const breaker = new CircuitBreaker(() => Promise.reject(failure), {
    timeout: false,
    rollingCountTimeout: 600_000,
    enableSnapshots: false,
    errorThresholdPercentage: 100, // never > 100 %: the breaker stays closed and keeps recording
    rollingPercentilesEnabled: percentiles,
  });
  const status = breaker.status as unknown as { increment(property: string, latency?: number): void };
  for (let i = 0; i < filled; i++) {
    status.increment('fires');
    status.increment('failures', 250 + (i % 100));
  }
  return breaker;
}

async function versusOpossum(quick: boolean) {
  const rows: (string | number)[][] = [];
  const ratios: { filled: number; ours: number; opossum: number }[] = [];
  for (const filled of FILL_LEVELS) {
    const tracker = new ReliabilityHealthTracker('vs-opossum', { windowMs: 600_000 });
    for (let i = 0; i < filled; i++) tracker.record({ kind: 'transient', durationMs: 250, error: failure });
    const ours = timeEach(
      () => tracker.record({ kind: 'transient', durationMs: 250, error: failure }),
      100_000,
      quick ? 3 : 7,
    );

    // What opossum does for each failure: count it (keeping its latency) and read `stats`
    // (lib/circuit.js fail(): concatenates and sorts every latency sample in the window).
    const stats = opossumAt(filled, true);
    const status = stats.status as unknown as { increment(property: string, latency?: number): void };
    const k = Math.max(5, Math.round((quick ? 200_000 : 1_000_000) / filled));
    const opossumStats = timeEach(
      () => {
        status.increment('fires');
        status.increment('failures', 250);
        if (stats.stats.fires < 0) throw new Error('unreachable');
      },
      k,
      quick ? 3 : 5,
    );
    stats.shutdown();

    const noPct = opossumAt(filled, false);
    const noPctStatus = noPct.status as unknown as { increment(property: string, latency?: number): void };
    const opossumNoPct = timeEach(
      () => {
        noPctStatus.increment('fires');
        noPctStatus.increment('failures', 250);
        if (noPct.stats.fires < 0) throw new Error('unreachable');
      },
      k * 10,
      quick ? 3 : 5,
    );
    noPct.shutdown();

    const fire = opossumAt(filled, true);
    const fireNs: number[] = [];
    for (let r = 0; r < (quick ? 3 : 5); r++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < k; i++) await fire.fire().catch(() => undefined);
      fireNs.push(Number(process.hrtime.bigint() - start) / k);
    }
    fire.shutdown();
    const opossumFire = fireNs.sort((a, b) => a - b)[fireNs.length >> 1]!;

    ratios.push({ filled, ours, opossum: opossumStats });
    rows.push([
      fmt(filled),
      fmt(ours, 0),
      fmt(opossumStats, 0),
      fmt(opossumNoPct, 0),
      fmt(opossumFire, 0),
      ratio(opossumStats / ours),
    ]);
  }
  return { rows, ratios };
}

export const suite: BenchSuite = {
  id: 'health-record',
  order: 40,
  async run({ quick, log }) {
    log('per-record cost');
    const record = await perRecord(quick);
    log('heap growth over 1,000,000 outcomes');
    const heap = heapGrowth();
    log('failure cost against opossum as the window fills');
    const vs = await versusOpossum(quick);
    const worst = Math.max(...record.map((r) => r.nsPerOp));
    const first = vs.ratios[0]!;
    const last = vs.ratios[vs.ratios.length - 1]!;
    const tables: Table[] = [
      {
        caption: 'Cost of one `record()` (systemClock, default config; ns per call, median of rounds).',
        columns: ['case', 'ns/record', 'records/s'],
        rows: record.map((r) => [r.name, fmt(r.nsPerOp, 0), fmt(r.opsPerSec)]),
      },
      {
        caption:
          'Cost of recording one failure with N failures already in the window (ns). opossum: `status.increment()` + ' +
          'the `stats` read its `fail()` does on every failure; last column: opossum stats / @rel.',
        columns: [
          'failures in window',
          '@rel record()',
          'opossum stats (percentiles on, default)',
          'opossum stats (percentiles off)',
          'opossum fire() failing (percentiles on)',
          'opossum / @rel',
        ],
        rows: vs.rows,
      },
    ];
    const targets: Target[] = [
      {
        claim: 'recording 1,000,000 outcomes grows the heap by < 1 MB after warm-up',
        measured: `${fmt(heap.bytes / 1024, 1)} KB`,
        pass: heap.bytes < 1024 * 1024,
      },
      {
        claim: 'per-record cost well under 1 us',
        measured: `${fmt(worst, 0)} ns worst case; ${fmt(heap.ns, 0)} ns in the 1M run`,
        pass: worst < 1_000,
      },
      {
        claim: 'failure cost flat as the window fills (opossum grows)',
        measured:
          `@rel ${fmt(first.ours, 0)} -> ${fmt(last.ours, 0)} ns; opossum ${fmt(first.opossum / 1000, 1)} -> ` +
          `${fmt(last.opossum / 1000, 1)} us (${fmt(first.filled)} -> ${fmt(last.filled)} failures)`,
        pass: last.ours < 3 * first.ours && last.opossum > 5 * first.opossum,
      },
    ];
    return {
      title: 'Health tracking: record cost, constant memory, failures against opossum',
      method:
        '`ReliabilityHealthTracker.record()` timed in batches; heap measured with `gc()` before and after ' +
        '1,000,000 mixed outcomes (after a 200,000-outcome warm-up, clock moving 1 ms per record so every window ' +
        'rotates many times); opossum 9 breakers kept closed with a 10-minute window holding N failures.',
      tables,
      targets,
      notes: [
        `Heap after 1,000,000 outcomes: ${fmt(heap.bytes)} bytes of growth (${fmt(heap.ns, 0)} ns per record). ` +
          'opossum keeps every latency sample of its window (one number per call) and sorts them all on each failure.',
      ],
    };
  },
};
