// The benchmark harness: suites measure our code and the peers side by side, in the same
// process and run, and report ratios (absolute times drift on shared machines; ratios of
// interleaved measurements do much less).

/** Context handed to every suite. */
export interface BenchContext {
  /** Fewer rounds and smaller batches (a smoke run, not for the published table). */
  readonly quick: boolean;
  /** Progress output (stderr), not part of the report. */
  log(message: string): void;
}

/** A table in the report. */
export interface Table {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** A target from an issue, and whether this run met it. */
export interface Target {
  readonly claim: string;
  readonly measured: string;
  readonly pass: boolean;
}

/** What a suite reports. */
export interface SuiteReport {
  readonly title: string;
  /** What is measured and how, in a sentence or two. */
  readonly method: string;
  readonly tables: readonly Table[];
  readonly targets: readonly Target[];
  readonly notes?: readonly string[];
}

/** A benchmark suite: one file in `src/suites/`, discovered by `main.ts`. */
export interface BenchSuite {
  /** Short id, used by `--suite <id>`. */
  readonly id: string;
  /** Position in the report (lower first). */
  readonly order: number;
  run(ctx: BenchContext): Promise<SuiteReport>;
}

/** A task measured by {@link compareThroughput}. */
export interface ThroughputTask {
  readonly name: string;
  /** One operation. Awaited when it returns a promise. */
  readonly fn: () => unknown;
}

/** Result of one task in {@link compareThroughput}. */
export interface ThroughputResult {
  readonly name: string;
  /** Median operations per second over the rounds. */
  readonly opsPerSec: number;
  /** Median nanoseconds per operation. */
  readonly nsPerOp: number;
}

/** Options of {@link compareThroughput}. */
export interface ThroughputOptions {
  /** Operations per timed batch. @defaultValue 20000 */
  readonly batch?: number;
  /** Timed rounds; every task runs one batch per round, in rotating order. @defaultValue 9 */
  readonly rounds?: number;
  /** Untimed batches per task first (JIT warm-up). @defaultValue 2 */
  readonly warmupBatches?: number;
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function timeBatch(fn: () => unknown, batch: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) {
    const result = fn();
    // Sync tasks are timed without an await per call, which would add a microtask each.
    if (result instanceof Promise) await result;
  }
  return Number(process.hrtime.bigint() - start);
}

/**
 * Measures operations per second of several tasks, interleaved: each round runs one batch
 * of every task (in rotating order), and the median over rounds is reported. Batches are
 * timed as a whole, so the timer's own cost does not distort sub-microsecond operations.
 */
export async function compareThroughput(
  tasks: readonly ThroughputTask[],
  options: ThroughputOptions = {},
): Promise<ThroughputResult[]> {
  const batch = options.batch ?? 20_000;
  const rounds = options.rounds ?? 9;
  for (const task of tasks)
    for (let i = 0; i < (options.warmupBatches ?? 2); i++) await timeBatch(task.fn, batch);
  const samples = tasks.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < tasks.length; k++) {
      const index = (k + round) % tasks.length;
      samples[index]!.push(await timeBatch(tasks[index]!.fn, batch));
    }
  }
  return tasks.map((task, i) => {
    const ns = median(samples[i]!) / batch;
    return { name: task.name, nsPerOp: ns, opsPerSec: 1e9 / ns };
  });
}

/** Runs `gc()` (the bench runs with `--expose-gc`) a few times so heap readings settle. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the benchmarks with --expose-gc (npm run bench does)');
  for (let i = 0; i < 3; i++) gc();
}

/** Heap bytes retained per item by `build(count)` (the result is kept alive while measuring). */
export function heapPerItem(count: number, build: (count: number) => unknown): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept = build(count);
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  // Keep `kept` reachable until after the second reading.
  if (kept === undefined) throw new Error('build() must return what it built');
  return (after - before) / count;
}

/** Formats a number for a table: thousands separators, a few significant digits. */
export function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Formats a ratio as `1.23x`. */
export function ratio(value: number): string {
  return `${value.toFixed(2)}x`;
}

/** The median of `xs`. */
export { median };
