import type { UnifiedCircuitBreaker } from '@rel/circuit';
import type { GiveUpEvent } from '@rel/retry';
import type { Pipeline } from './pipeline.js';
import { failureMessage } from './run-links.js';

/** Rejections: the dependency was not called (health counts them apart from failures). */
const REJECTED = new Set(['circuit_open', 'budget_exhausted']);

function logGiveUp(p: Pipeline, e: GiveUpEvent): void {
  const fields = {
    operation: e.operation,
    outcome: e.outcome,
    attempts: e.attempts.length,
    totalTimeMs: e.totalTimeMs,
    error: { code: e.error.code, message: e.error.message },
    err: e.error.cause,
  };
  if (e.outcome === 'cancelled') p.logger.debug(fields, 'call cancelled by the caller');
  else if (REJECTED.has(e.outcome)) p.logger.info({ ...fields, rejection: e.outcome }, 'call refused');
  else p.logger.warn(fields, 'call failed');
}

/**
 * Subscribes an instance to its engine, breaker and health tracker, once, at creation:
 * failed attempts go to health (with their error, for the error history), rejections too;
 * retries, give-ups and every transition are logged with structured fields; transitions
 * are reported into the runs that have a call in flight. Every subscription fires only
 * off the success path: a successful call meets none of them. @internal
 */
export function wireInstance(p: Pipeline, breaker: UnifiedCircuitBreaker | undefined): void {
  const { retry, recorder, logger, links } = p;
  retry.onFailure((e) => recorder.failure(e.kind, e.durationMs, e.attempt, e.error));
  retry.onRetry((e) =>
    logger.info(
      {
        operation: e.operation,
        attempt: e.attempt,
        delayMs: e.delayMs,
        kind: e.kind,
        retryAfterMs: e.retryAfterMs,
        error: failureMessage(e.error),
      },
      e.kind === 'circuit_open' ? 'waiting for the circuit breaker' : 'retrying',
    ),
  );
  retry.onGiveUp((e) => {
    if (e.outcome === 'circuit_open' || e.outcome === 'budget_exhausted') recorder.rejected(e.outcome);
    logGiveUp(p, e);
  });
  breaker?.onStateChange((c) => {
    const fields = {
      circuit: c.name,
      from: c.from,
      to: c.to,
      reason: c.reason,
      retryAfterMs: c.retryAfterMs,
    };
    if (c.to === 'open' || c.to === 'isolated') logger.warn(fields, `circuit breaker ${c.to}`);
    else logger.info(fields, `circuit breaker ${c.to}`);
    if (p.events) links.circuit(c);
    // After the circuit event: the health change it causes follows it, in logs and events.
    recorder.tracker.setBreakerState(c.to);
  });
  recorder.tracker.onStatusChange((c) => {
    const fields = {
      from: c.from,
      to: c.to,
      score: Math.round(c.score * 1000) / 1000,
      operation: c.operation,
    };
    if (c.direction === 'degraded') logger.warn(fields, `health ${c.to}`);
    else logger.info(fields, `health ${c.to}`);
    if (p.events) links.health(c);
  });
}
