import {
  RelConfigError,
  type AttemptRecord,
  type ExecutionError,
  type FailureKind,
  type ValidationIssue,
} from '@rel/config';
import type { RunContext } from '../events/run-context.js';

/** What a fallback function is told about the failure it answers. */
export interface FallbackInput {
  /** The typed error the call would have ended with. */
  readonly error: ExecutionError;
  /** Why the call failed (`transient`, `circuit_open`, `budget_exhausted`, ...). */
  readonly outcome: FailureKind;
  /** Every attempt made. */
  readonly attempts: readonly AttemptRecord[];
  /** The instance (service) name. */
  readonly service: string;
  /** The call's `operation` option, when given. */
  readonly operation?: string;
}

/**
 * A fallback: a value, or a function computing one from the failure (sync or async). To
 * fall back to a function value itself, return it from a function: `() => myFunction`.
 */
export type Fallback<T> = T | ((failure: FallbackInput) => T | PromiseLike<T>);

/**
 * Per-call options of `execute` and `run` on a reliability instance.
 *
 * @example
 * ```ts
 * await openai.execute(({ signal }) => client.chat(req, { signal }), {
 *   operation: 'chat', signal: request.signal, timeoutMs: 30_000, fallback: CANNED_REPLY, run,
 * });
 * ```
 */
export interface CallOptions<T> {
  /** Operation name for logs, metrics and events (e.g. `chat.completions`). */
  readonly operation?: string;
  /** The caller's signal: aborting it stops the call at once (never a dependency failure, never a fallback). */
  readonly signal?: AbortSignal;
  /** Overall deadline of this call (ms): bulkhead wait, every attempt and every wait included. @defaultValue the profile's `retry.totalTimeoutMs` */
  readonly timeoutMs?: number;
  /**
   * Answers a final failure whose kind is in the profile's `fallback.onKinds` (every kind
   * but `cancelled` by default), whether or not the profile enables its own fallback value.
   * The result then has `outcome: 'fallback_used'`.
   */
  readonly fallback?: Fallback<T>;
  /** The agent run this call belongs to: retries, fallbacks, breaker and health changes are reported into it. */
  readonly run?: RunContext;
}

const KEYS = new Set(['operation', 'signal', 'timeoutMs', 'fallback', 'run']);
const MAX_MS = 86_400_000;

/**
 * Checks per-call options (cheap: a few type checks, no schema; it runs per call).
 * Returns the problems as a `RelConfigError`, or `undefined` when they are fine.
 * @internal
 */
export function checkCallOptions(opts: unknown): RelConfigError | undefined {
  if (typeof opts !== 'object' || opts === null) {
    return new RelConfigError(
      [{ path: 'options', received: opts, expected: 'an options object' }],
      'call options',
    );
  }
  const o = opts as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const key in o) {
    if (!KEYS.has(key)) {
      issues.push({
        path: key,
        received: o[key],
        expected: `allowed keys: ${[...KEYS].join(', ')}`,
        unknownKey: true,
      });
    }
  }
  const { operation, signal, timeoutMs, run } = o;
  if (operation !== undefined && (typeof operation !== 'string' || operation.length === 0)) {
    issues.push({ path: 'operation', received: operation, expected: 'a non-empty string' });
  }
  if (
    signal !== undefined &&
    (typeof signal !== 'object' ||
      signal === null ||
      typeof (signal as Partial<AbortSignal>).addEventListener !== 'function')
  ) {
    issues.push({ path: 'signal', received: signal, expected: 'an AbortSignal' });
  }
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_MS)) {
    issues.push({ path: 'timeoutMs', received: timeoutMs, expected: `a number of ms > 0 and <= ${MAX_MS}` });
  }
  if (run !== undefined) {
    const r = (typeof run === 'object' && run !== null ? run : {}) as Partial<
      Record<keyof RunContext, unknown>
    >;
    if (typeof r.report !== 'function' || typeof r.runId !== 'string' || typeof r.userId !== 'string') {
      issues.push({ path: 'run', received: run, expected: 'a RunContext (an AgentRun from startRun())' });
    }
  }
  return issues.length === 0 ? undefined : new RelConfigError(issues, 'call options');
}
