import {
  BulkheadRejectedError,
  CancelledError,
  DeadlineExceededError,
  NonRetryableError,
  type ExecutionError,
  type FailureKind,
  type RelConfigError,
} from '@rel/config';
import type { RetryFailure } from '@rel/retry';

// The non-throwing path builds its errors without a stack trace (capturing one costs
// microseconds and would show only our own frames), as the retry engine does.
function build<E extends ExecutionError>(stackless: boolean, make: () => E): E {
  if (!stackless) return make();
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const failure = (error: ExecutionError, outcome: FailureKind, totalTimeMs: number): RetryFailure => ({
  success: false,
  error,
  outcome,
  attempts: [],
  totalTimeMs,
});

/**
 * Endings decided before the retry engine runs (bulkhead, a deadline spent waiting for
 * it, a cancellation in the queue, invalid options), in the engine's result shape so the
 * rest of the pipeline treats every ending alike. @internal
 */
export const refusals = {
  bulkheadFull(
    service: string,
    limits: { maxConcurrent: number; maxQueue: number },
    totalTimeMs: number,
    stackless: boolean,
  ): RetryFailure {
    const text = `${service}: the bulkhead is full (${limits.maxConcurrent} running, ${limits.maxQueue} queued); the call was not started`;
    return failure(
      build(stackless, () => new BulkheadRejectedError(text, { service, totalTimeMs })),
      'bulkhead_rejected',
      totalTimeMs,
    );
  },
  deadlineInQueue(
    service: string,
    deadlineMs: number,
    totalTimeMs: number,
    stackless: boolean,
  ): RetryFailure {
    const text = `${service}: the ${deadlineMs} ms deadline passed while waiting for a bulkhead slot`;
    return failure(
      build(stackless, () => new DeadlineExceededError(text, { service, totalTimeMs, deadlineMs })),
      'deadline_exceeded',
      totalTimeMs,
    );
  },
  cancelledInQueue(service: string, reason: unknown, totalTimeMs: number, stackless: boolean): RetryFailure {
    const text = `${service}: cancelled by the caller while waiting for a bulkhead slot`;
    return failure(
      build(stackless, () => new CancelledError(text, { service, totalTimeMs, cause: reason })),
      'cancelled',
      totalTimeMs,
    );
  },
  invalidOptions(service: string, problem: RelConfigError): RetryFailure {
    const text = `${service}: invalid arguments: ${problem.message}`;
    return failure(
      build(true, () => new NonRetryableError(text, { service, cause: problem })),
      'permanent',
      0,
    );
  },
};
