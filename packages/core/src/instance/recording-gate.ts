import type { OutcomeKind } from '@rel/config';
import type { UnifiedCircuitBreaker } from '@rel/circuit';
import type { AttemptGate } from '@rel/retry';
import type { HealthRecorder } from './health-recorder.js';

/**
 * The admission gate an instance gives its retry engine: the circuit breaker's gate (or
 * one that admits everything when the profile has no breaker), plus the per-attempt hook
 * of the pipeline. The engine consults it before every attempt and reports every admitted
 * attempt's outcome and duration to it exactly once, so `release` is where an attempt is
 * recorded in the breaker and in health, with no allocation and no extra clock read.
 * @internal
 */
export class RecordingGate implements AttemptGate {
  readonly name: string;
  private readonly breaker: UnifiedCircuitBreaker | undefined;
  private readonly recorder: HealthRecorder;

  constructor(name: string, breaker: UnifiedCircuitBreaker | undefined, recorder: HealthRecorder) {
    this.name = breaker?.name ?? name;
    this.breaker = breaker;
    this.recorder = recorder;
  }

  get state(): string {
    return this.breaker === undefined ? 'closed' : this.breaker.state;
  }

  tryAcquire(): number {
    return this.breaker === undefined ? 0 : this.breaker.tryAcquire();
  }

  retryAfterMs(): number {
    return this.breaker === undefined ? 0 : this.breaker.retryAfterMs();
  }

  release(token: number, kind: OutcomeKind, durationMs: number): void {
    this.breaker?.release(token, kind, durationMs);
    this.recorder.attempt(kind, durationMs);
  }
}
