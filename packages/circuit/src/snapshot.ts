import { REL_ERROR_CODES, RelValidationError, toValidationIssues } from '@rel/config';
import { z } from 'zod';

const count = () => z.int().min(0).max(Number.MAX_SAFE_INTEGER);
// Bucket counters live in a Uint32Array.
const bucketCount = () => z.int().min(0).max(0xffff_ffff);
const time = () => z.number().finite();

const ConsecutiveSnapshotSchema = z.strictObject({
  kind: z.literal('consecutive'),
  /** Failures in a row so far. */
  failures: count(),
});

const CountSnapshotSchema = z.strictObject({
  kind: z.literal('count'),
  /** Window size the outcomes were recorded under. */
  windowSize: z.int().min(1).max(100_000),
  /** The window's outcomes, oldest first: 0 = success, 1 = failure. */
  outcomes: z.array(z.union([z.literal(0), z.literal(1)])).max(100_000),
});

const TimeSnapshotSchema = z.strictObject({
  kind: z.enum(['time', 'slow_call']),
  /** Bucket width (ms) the counts were recorded under. */
  bucketMs: z.number().positive().finite(),
  /** Non-empty buckets still inside the window: `[bucketIndex, calls, failures, slowCalls]`. */
  buckets: z
    .array(
      z
        .tuple([z.int(), bucketCount(), bucketCount(), bucketCount()])
        .refine(([, calls, failures, slow]) => failures <= calls && slow <= calls, {
          message: 'failures and slow calls cannot exceed calls',
        }),
    )
    .max(60),
});

const StrategySnapshotSchema = z.discriminatedUnion('kind', [
  ConsecutiveSnapshotSchema,
  CountSnapshotSchema,
  TimeSnapshotSchema,
]);

/** JSON-safe state of a `consecutive` strategy. */
export type ConsecutiveStrategySnapshot = z.infer<typeof ConsecutiveSnapshotSchema>;
/** JSON-safe state of a `count` strategy. */
export type CountStrategySnapshot = z.infer<typeof CountSnapshotSchema>;
/** JSON-safe state of a `time` or `slow_call` strategy. */
export type TimeStrategySnapshot = z.infer<typeof TimeSnapshotSchema>;
/** JSON-safe state of any strategy (part of a {@link CircuitSnapshot}). */
export type StrategySnapshot = z.infer<typeof StrategySnapshotSchema>;

/**
 * Schema of a {@link CircuitSnapshot}: what `restore()` and `load()` accept. Unknown keys
 * are errors, counters must add up, and an open snapshot must say until when.
 */
export const CircuitSnapshotSchema = z
  .strictObject({
    /** Format version; bumped on any incompatible change. */
    version: z.literal(1),
    /** Breaker name. */
    name: z.string().min(1),
    /** The underlying state (isolation belongs to live handles and is never persisted). */
    state: z.enum(['closed', 'open', 'half_open', 'disabled']),
    /** Clock time (ms) until which an `open` breaker stays open. Only with `state: 'open'`. */
    openUntil: time().optional(),
    /** Consecutive openings since the breaker was last closed (drives the open-time growth). */
    openings: count(),
    /** The strategy's recorded outcomes. */
    strategy: StrategySnapshotSchema,
    /** Lifetime counters, as in `status()`. */
    counters: z.strictObject({
      totalCalls: count(),
      successfulCalls: count(),
      failedCalls: count(),
      ignoredCalls: count(),
      slowCalls: count(),
      rejectedCalls: count(),
      opens: count(),
    }),
    /** Clock time (ms) the snapshot was taken. */
    savedAt: time(),
  })
  .superRefine((s, ctx) => {
    const c = s.counters;
    if (c.successfulCalls + c.failedCalls + c.ignoredCalls !== c.totalCalls) {
      ctx.addIssue({
        code: 'custom',
        path: ['counters', 'totalCalls'],
        input: c.totalCalls,
        message: `successfulCalls + failedCalls + ignoredCalls (${c.successfulCalls + c.failedCalls + c.ignoredCalls})`,
      });
    }
    if (c.slowCalls > c.totalCalls) {
      ctx.addIssue({
        code: 'custom',
        path: ['counters', 'slowCalls'],
        input: c.slowCalls,
        message: `at most totalCalls (${c.totalCalls})`,
      });
    }
    if ((s.state === 'open') !== (s.openUntil !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['openUntil'],
        input: s.openUntil,
        message:
          s.state === 'open'
            ? 'a finite clock time (ms) for an open breaker'
            : `nothing (state is "${s.state}")`,
      });
    }
  });

/**
 * A breaker's state as plain JSON: take it with `toSnapshot()`, store it anywhere, give it
 * back to `restore()` (after a restart, in another process). Times are clock milliseconds,
 * so a snapshot taken with the system clock is meaningful in any process on the same host.
 *
 * @example
 * ```ts
 * await writeFile('breaker.json', JSON.stringify(breaker.toSnapshot()));
 * restarted.restore(JSON.parse(await readFile('breaker.json', 'utf8')));
 * ```
 */
export type CircuitSnapshot = z.infer<typeof CircuitSnapshotSchema>;

/**
 * Validates an untrusted snapshot.
 *
 * @throws {@link RelValidationError} (`REL_SNAPSHOT_INVALID`) listing every bad field.
 * @example
 * ```ts
 * const snapshot = parseCircuitSnapshot(JSON.parse(text));
 * ```
 */
export function parseCircuitSnapshot(input: unknown): CircuitSnapshot {
  const result = CircuitSnapshotSchema.safeParse(input);
  if (result.success) return result.data;
  throw new RelValidationError(
    REL_ERROR_CODES.SNAPSHOT_INVALID,
    'circuit breaker snapshot',
    toValidationIssues(CircuitSnapshotSchema, input, result.error.issues),
  );
}
