import type { Clock, ReliabilityConfig, ReliabilityConfigInput } from '@rel/config';
import type { Logger } from 'pino';
import type { EventDispatcher } from '../events/dispatcher.js';
import type { Fallback } from '../instance/call-options.js';
import type { ReliabilityInstance } from '../instance/reliability-instance.js';

/** Options of `run.tool(name, params, fn, options)`. */
export interface ToolOptions<T> {
  /** Reliability instance (service) the tool calls through. @defaultValue the agent's instance */
  readonly service?: string;
  /** Profile of that instance when it does not exist yet (see `ReliabilityManager.get`). */
  readonly profile?: ReliabilityConfig | ReliabilityConfigInput;
  /** Answers a final failure (see `CallOptions.fallback`); `tool_completed` then says `fallback_used: true`. */
  readonly fallback?: Fallback<T>;
  /** Overall deadline of the tool call (ms). */
  readonly timeoutMs?: number;
  /** Cancels the tool call. */
  readonly signal?: AbortSignal;
  /** Whether `tool_completed` carries the (sanitized, bounded) result. @defaultValue true */
  readonly includeResult?: boolean;
}

/** Where a run is. */
export type RunState = 'running' | 'completed' | 'failed';

/** What a run needs from its wrapper. @internal */
export interface RunHost {
  readonly events: EventDispatcher;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The instance a tool calls through. */
  instanceFor(
    service: string | undefined,
    profile: ReliabilityConfig | ReliabilityConfigInput | undefined,
  ): ReliabilityInstance;
  /** The run `runId` ended (its id stays taken). */
  ended(runId: string): void;
}
