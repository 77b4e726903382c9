import type { CircuitStateChange } from '@rel/circuit';
import type { HealthStatusChange } from '@rel/health';
import type { RetryEvent } from '@rel/retry';
import type { Logger } from 'pino';
import type { ReliabilityEvent, RunContext } from '../events/run-context.js';

const MAX_MESSAGE = 500;

/** A short message of a failure for an event payload (never the error object). */
export function failureMessage(error: unknown): string | undefined {
  let text: string;
  switch (typeof error) {
    case 'undefined':
      return undefined;
    case 'object':
      if (error instanceof Error) text = `${error.name}: ${error.message}`;
      else {
        const message = (error as { message?: unknown } | null)?.message;
        text = typeof message === 'string' ? message : Object.prototype.toString.call(error);
      }
      break;
    case 'string':
      text = error;
      break;
    case 'function':
      text = '[function]';
      break;
    default:
      text = String(error);
  }
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/**
 * Reports into a run without ever throwing into the call's reliability path: a
 * `RunContext` of the caller's own that throws is logged, and the call goes on.
 */
function tell(run: RunContext, event: ReliabilityEvent, logger: Logger): void {
  try {
    run.report(event);
  } catch (error) {
    logger.error(
      { err: error, runId: run.runId, type: event.type },
      'a run context threw while reporting an event',
    );
  }
}

/** The wire event of a breaker transition (`isolated` reads as opened, `disabled` as closed). */
function circuitEventType(to: string): ReliabilityEvent['type'] {
  switch (to) {
    case 'open':
    case 'isolated':
      return 'circuit_breaker_opened';
    case 'half_open':
      return 'circuit_breaker_half_open';
    default:
      return 'circuit_breaker_closed';
  }
}

/**
 * One call in flight that belongs to an agent run (and whose instance has events on):
 * what ties the call's reliability events to the run. @internal
 */
export class CallLink {
  readonly run: RunContext;
  private readonly service: string;
  private readonly operation: string;
  private readonly maxAttempts: number;
  private readonly logger: Logger;

  constructor(run: RunContext, service: string, operation: string, maxAttempts: number, logger: Logger) {
    this.run = run;
    this.service = service;
    this.operation = operation;
    this.maxAttempts = maxAttempts;
    this.logger = logger;
  }

  /** The call's own retry listener (`onRetry` of the retry engine's execute options). */
  readonly onRetry = (e: RetryEvent): void => {
    const message = failureMessage(e.error);
    tell(
      this.run,
      {
        type: 'agent_retrying',
        payload: {
          service: this.service,
          operation: this.operation,
          attempt: e.attempt,
          max_attempts: this.maxAttempts,
          delay_ms: e.delayMs,
          reason: e.kind,
          ...(message === undefined ? {} : { error_message: message }),
          ...(e.retryAfterMs === undefined ? {} : { retry_after_ms: e.retryAfterMs }),
        },
      },
      this.logger,
    );
  };

  /** A fallback answered this call's failure. */
  fallback(reason: string, error: unknown): void {
    const message = failureMessage(error);
    tell(
      this.run,
      {
        type: 'agent_fallback',
        payload: {
          service: this.service,
          operation: this.operation,
          reason,
          ...(message === undefined ? {} : { error_message: message }),
        },
      },
      this.logger,
    );
  }
}

/**
 * The calls of one instance that belong to runs, so that a breaker transition or a health
 * status change is reported into every run that had a call in flight when it happened.
 * Each run hears of a change once, however many of its calls were in flight. @internal
 */
export class RunLinks {
  private readonly links = new Set<CallLink>();
  private readonly service: string;
  private readonly logger: Logger;

  constructor(service: string, logger: Logger) {
    this.service = service;
    this.logger = logger;
  }

  add(link: CallLink): void {
    this.links.add(link);
  }

  delete(link: CallLink): void {
    this.links.delete(link);
  }

  get size(): number {
    return this.links.size;
  }

  circuit(change: CircuitStateChange): void {
    if (this.links.size === 0) return;
    const retryAfter = change.retryAfterMs;
    this.broadcast({
      type: circuitEventType(change.to),
      payload: {
        service: this.service,
        circuit: change.name,
        from_state: change.from,
        to_state: change.to,
        reason: change.reason,
        ...(retryAfter === undefined || !Number.isFinite(retryAfter) ? {} : { retry_after_ms: retryAfter }),
      },
    } as ReliabilityEvent);
  }

  health(change: HealthStatusChange): void {
    if (this.links.size === 0) return;
    this.broadcast({
      type: change.direction === 'degraded' ? 'health_degraded' : 'health_recovered',
      payload: {
        service: this.service,
        status: change.to,
        previous_status: change.from,
        score: change.score,
      },
    });
  }

  private broadcast(event: ReliabilityEvent): void {
    const told = new Set<RunContext>();
    for (const link of [...this.links]) {
      if (told.has(link.run)) continue;
      told.add(link.run);
      tell(link.run, event, this.logger);
    }
  }
}
