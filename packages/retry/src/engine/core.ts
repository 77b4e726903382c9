import type { Clock, EventEmitter, Random, RetryConfig } from '@rel/config';
import type { AttemptGate } from '../admission.js';
import type { Backoff } from '../backoff/types.js';
import type { RetryBudget } from '../budget/types.js';
import type { Classifier } from '../classify/types.js';
import type { AttemptFailureEvent, GiveUpEvent, RetryEvent, SuccessEvent } from './events.js';
import type { InFlightList } from './in-flight.js';

/**
 * Everything a call needs from its handler, resolved once at construction so the hot path
 * reads fields instead of options. @internal
 */
export interface HandlerCore {
  readonly service: string;
  readonly config: RetryConfig;
  readonly clock: Clock;
  readonly random: Random;
  readonly gate: AttemptGate | undefined;
  readonly budget: RetryBudget | undefined;
  readonly classifier: Classifier;
  /** Whether returned values are classified too (`http`/`llm` rule sets). */
  readonly readsResults: boolean;
  readonly backoff: Backoff;
  readonly inflight: InFlightList;
  readonly retry: EventEmitter<RetryEvent>;
  readonly failure: EventEmitter<AttemptFailureEvent>;
  readonly success: EventEmitter<SuccessEvent>;
  readonly giveUp: EventEmitter<GiveUpEvent>;
  /** The settings of a call without options (the configuration's time limits). */
  readonly defaults: CallSettings;
}

/** Per-call settings, already validated. @internal */
export interface CallSettings {
  readonly signal: AbortSignal | undefined;
  readonly operation: string | undefined;
  readonly attemptTimeoutMs: number | undefined;
  readonly totalTimeoutMs: number | undefined;
  /** The call's own retry listener (`ExecuteOptions.onRetry`). */
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
}
