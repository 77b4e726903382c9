import type { CircuitStateChange } from '@rel/circuit';
import type { HealthStatusChange } from '@rel/health';
import type { RetryEvent } from '@rel/retry';
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

  constructor(run: RunContext, service: string, operation: string, maxAttempts: number) {
    this.run = run;
    this.service = service;
    this.operation = operation;
    this.maxAttempts = maxAttempts;
  }

  /** The call's own retry listener (`onRetry` of the retry engine's execute options). */
  readonly onRetry = (e: RetryEvent): void => {
    const message = failureMessage(e.error);
    this.run.report({
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
    });
  };

  /** A fallback answered this call's failure. */
  fallback(reason: string, error: unknown): void {
    const message = failureMessage(error);
    this.run.report({
      type: 'agent_fallback',
      payload: {
        service: this.service,
        operation: this.operation,
        reason,
        ...(message === undefined ? {} : { error_message: message }),
      },
    });
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

  constructor(service: string) {
    this.service = service;
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
      link.run.report(event);
    }
  }
}
