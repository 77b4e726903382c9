import type { Clock, FailureKind, ReliabilityConfig } from '@rel/config';
import type { ExecuteOptions, Operation, RetryFailure, RetryResult, UnifiedRetryHandler } from '@rel/retry';
import type { Logger } from 'pino';
import type { MetricsBridge } from '../manager/metrics-bridge.js';
import type { Bulkhead } from './bulkhead.js';
import type { CallOptions } from './call-options.js';
import type { FallbackPolicy } from './fallback.js';
import type { HealthRecorder } from './health-recorder.js';
import type { ReliabilityResult } from './reliability-result.js';
import { refusals } from './refusals.js';
import { CallLink, type RunLinks } from './run-links.js';

/** The parts of an instance a call goes through. @internal */
export interface Pipeline {
  readonly name: string;
  readonly config: ReliabilityConfig;
  readonly clock: Clock;
  readonly retry: UnifiedRetryHandler;
  readonly bulkhead: Bulkhead | undefined;
  readonly recorder: HealthRecorder;
  readonly links: RunLinks;
  readonly fallback: FallbackPolicy;
  readonly logger: Logger;
  readonly metrics: MetricsBridge | undefined;
  /** The profile's `events.enabled`. */
  readonly events: boolean;
}

/** Takes a bulkhead slot (waiting in its queue if need be), or says why not. */
async function enterBulkhead(
  p: Pipeline,
  bulkhead: Bulkhead,
  start: number,
  deadlineMs: number | undefined,
  signal: AbortSignal | undefined,
  stackless: boolean,
): Promise<RetryResult<never> | undefined> {
  if (bulkhead.tryEnter()) return undefined;
  const waiting = bulkhead.queue(deadlineMs === undefined ? Infinity : start + deadlineMs, signal);
  const outcome = waiting === 'rejected' ? 'rejected' : await waiting;
  if (outcome === 'admitted') return undefined;
  const spent = p.clock.now() - start;
  if (outcome === 'rejected') {
    p.recorder.rejected('bulkhead_rejected');
    p.logger.info(
      { outcome: 'bulkhead_rejected', ...bulkhead.status() },
      'call refused: the bulkhead is full',
    );
    return refusals.bulkheadFull(p.name, bulkhead, spent, stackless);
  }
  if (outcome === 'deadline') return refusals.deadlineInQueue(p.name, deadlineMs!, spent, stackless);
  return refusals.cancelledInQueue(p.name, signal?.reason, spent, stackless);
}

function engineOptions(
  operation: string | undefined,
  signal: AbortSignal | undefined,
  totalTimeoutMs: number | undefined,
  link: CallLink | undefined,
): ExecuteOptions {
  return {
    ...(operation === undefined ? {} : { operation }),
    ...(signal === undefined ? {} : { signal }),
    ...(totalTimeoutMs === undefined ? {} : { totalTimeoutMs }),
    ...(link === undefined ? {} : { onRetry: link.onRetry }),
  };
}

/**
 * One call through the whole pipeline: overall deadline -> bulkhead -> the retry engine
 * (budget, breaker admission before each attempt, attempt timeout, classification,
 * recording through the instance's gate) -> fallback -> metrics. Never rejects.
 * `stackless` is true for `run` (its errors skip the stack capture). @internal
 */
export function runCall<T>(
  p: Pipeline,
  op: Operation<T>,
  opts: CallOptions<T> | undefined,
  stackless: boolean,
): Promise<ReliabilityResult<T>> {
  const run = p.events ? opts?.run : undefined;
  if (p.bulkhead !== undefined || run !== undefined) return guardedCall(p, op, opts, run, stackless);
  // No bulkhead and no run: the engine's own timing and deadline are the call's.
  const options =
    opts === undefined ? undefined : engineOptions(opts.operation, opts.signal, opts.timeoutMs, undefined);
  return p.retry.executeWithRetry(op, options).then((r) => settle(p, r, opts, undefined, undefined));
}

/** The path with a bulkhead to enter and/or a run to report into. */
async function guardedCall<T>(
  p: Pipeline,
  op: Operation<T>,
  opts: CallOptions<T> | undefined,
  run: CallOptions<T>['run'],
  stackless: boolean,
): Promise<ReliabilityResult<T>> {
  const start = p.clock.now();
  const operation = opts?.operation;
  const signal = opts?.signal;
  const deadlineMs = opts?.timeoutMs ?? p.config.retry.totalTimeoutMs;
  const link =
    run === undefined
      ? undefined
      : new CallLink(run, p.name, operation ?? p.name, p.config.retry.maxAttempts, p.logger);
  if (link !== undefined) p.links.add(link);
  try {
    let result: RetryResult<T> | undefined;
    const bulkhead = p.bulkhead;
    if (bulkhead !== undefined)
      result = await enterBulkhead(p, bulkhead, start, deadlineMs, signal, stackless);
    if (result === undefined) {
      try {
        const left = deadlineMs === undefined ? undefined : deadlineMs - (p.clock.now() - start);
        result =
          left !== undefined && left <= 0
            ? refusals.deadlineInQueue(p.name, deadlineMs!, p.clock.now() - start, stackless)
            : await p.retry.executeWithRetry(op, engineOptions(operation, signal, left, link));
      } finally {
        bulkhead?.leave();
      }
    }
    return await settle(p, result, opts, link, start);
  } finally {
    if (link !== undefined) p.links.delete(link);
  }
}

/**
 * A success becomes the result at once; a failure goes through the fallback. `start` is
 * the call's own start when it waited for a bulkhead (else the engine's timing is the
 * call's).
 */
function settle<T>(
  p: Pipeline,
  r: RetryResult<T>,
  opts: CallOptions<T> | undefined,
  link: CallLink | undefined,
  start: number | undefined,
): ReliabilityResult<T> | Promise<ReliabilityResult<T>> {
  if (!r.success) return failed(p, r, opts, link, start);
  const out: ReliabilityResult<T> = {
    success: true,
    value: r.value,
    outcome: 'success',
    attempts: r.attempts,
    totalTimeMs: start === undefined ? r.totalTimeMs : p.clock.now() - start,
    fallbackUsed: false,
  };
  if (p.metrics !== undefined) observe(p.metrics, p.name, out, opts?.operation);
  return out;
}

/** Fallback, metrics and logs of a call the engine (or the bulkhead) ended without success. */
async function failed<T>(
  p: Pipeline,
  r: RetryFailure,
  opts: CallOptions<T> | undefined,
  link: CallLink | undefined,
  start: number | undefined,
): Promise<ReliabilityResult<T>> {
  const operation = opts?.operation;
  const outcome = r.outcome;
  const fallbackStart = p.clock.now();
  const tried = await p.fallback.apply(opts?.fallback, {
    error: r.error,
    outcome,
    attempts: r.attempts,
    service: p.name,
    ...(operation === undefined ? {} : { operation }),
  });
  const totalTimeMs =
    start === undefined ? r.totalTimeMs + p.clock.now() - fallbackStart : p.clock.now() - start;
  let out: ReliabilityResult<T>;
  if (tried.kind === 'answered') {
    p.logger.warn(
      { operation, reason: outcome, attempts: r.attempts.length, totalTimeMs, err: r.error.cause ?? r.error },
      'a fallback answered the call',
    );
    link?.fallback(outcome, r.error.cause ?? r.error);
    out = {
      success: true,
      value: tried.value,
      outcome: 'fallback_used',
      attempts: r.attempts,
      totalTimeMs,
      fallbackUsed: true,
      error: r.error,
      fallbackReason: outcome,
    };
  } else if (tried.kind === 'failed') {
    p.logger.error(
      {
        operation,
        reason: outcome,
        err: tried.error,
        error: { code: r.error.code, message: r.error.message },
      },
      'the fallback threw; the call fails with its own error',
    );
    out = { ...r, totalTimeMs, fallbackUsed: false, fallbackError: tried.error };
  } else {
    out = { ...r, totalTimeMs, fallbackUsed: false };
  }
  if (p.metrics !== undefined) observe(p.metrics, p.name, out, operation);
  return out;
}

function observe<T>(
  metrics: MetricsBridge,
  service: string,
  out: ReliabilityResult<T>,
  operation: string | undefined,
): void {
  const outcome: FailureKind | 'success' = out.success ? (out.fallbackReason ?? 'success') : out.outcome;
  metrics.observeCall({
    service,
    ...(operation === undefined ? {} : { operation }),
    outcome,
    durationMs: out.totalTimeMs,
    attempts: out.attempts,
  });
  if (outcome === 'budget_exhausted') metrics.observeBudgetRefusal(service, operation);
}
