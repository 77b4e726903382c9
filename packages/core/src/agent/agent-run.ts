import { InvalidStateError, isRelError } from '@rel/config';
import { classify, type Operation } from '@rel/retry';
import type { AgentEventInput } from '../events/dispatcher.js';
import type { AgentEvent, AgentEventPayload } from '../events/envelope.js';
import type { AgentEventType } from '../events/event-types.js';
import type { ReliabilityEvent, RunContext } from '../events/run-context.js';
import { toWireJson, toWireRecord } from '../events/wire-json.js';
import { failureMessage } from '../instance/run-links.js';
import type { RunHost, RunState, ToolOptions } from './run-types.js';

/**
 * One agent run as the chat front end sees it: `agent_started` first, then thinking,
 * progress and tool events (and the reliability events of its calls: retries, fallbacks,
 * breaker and health changes), and `agent_completed` or `agent_error` last. Nothing
 * follows the terminal event: later calls throw `InvalidStateError`, and a tool still in
 * flight when the run ends finishes without sending `tool_completed`.
 *
 * Every method emits synchronously through the dispatcher, so the order of the events is
 * the order of the calls, and each gets the next `seq` of the user's stream.
 *
 * @example
 * ```ts
 * const run = agent.startRun({ userId: 'u-42', threadId: 't-7' });
 * run.thinking('Looking up the order', 1);
 * const order = await run.tool('get_order', { id }, () => orders.get(id), { service: 'orders-api' });
 * run.complete({ summary: `Order ${order.id} ships tomorrow` });
 * ```
 */
export class AgentRun implements RunContext {
  readonly runId: string;
  readonly userId: string;
  readonly threadId: string | undefined;
  readonly agentName: string;
  /** Clock time the run started. */
  readonly startedAt: number;
  private readonly host: RunHost;
  private current: RunState = 'running';
  private tools = 0;

  /** @internal Created by `AgentReliabilityWrapper.startRun()`. */
  constructor(
    ids: { runId: string; userId: string; threadId: string | undefined; agentName: string },
    host: RunHost,
  ) {
    this.runId = ids.runId;
    this.userId = ids.userId;
    this.threadId = ids.threadId;
    this.agentName = ids.agentName;
    this.host = host;
    this.startedAt = host.clock.now();
  }

  /** `running`, or how it ended. */
  get state(): RunState {
    return this.current;
  }

  /** True once `complete` or `fail` was called. */
  get ended(): boolean {
    return this.current !== 'running';
  }

  /** Emits `agent_started` (the wrapper does this once, first). @internal */
  start(message: string, context: unknown): AgentEvent {
    return this.emit('agent_started', { status: 'started', message, context: toWireRecord(context) });
  }

  /** `agent_thinking`: what the agent is reasoning about (`step` >= 0; `percentage` 0-100). */
  thinking(text: string, step?: number, percentage?: number): AgentEvent {
    this.assertRunning('thinking');
    return this.emit('agent_thinking', {
      status: 'thinking',
      reasoning: text,
      ...(step === undefined ? {} : { step_number: step }),
      ...(percentage === undefined ? {} : { progress_percentage: percentage }),
    });
  }

  /** `agent_progress`: progress of a long step, with optional data (sanitized for the wire). */
  progress(message: string, percentage?: number, data?: Record<string, unknown>): AgentEvent {
    this.assertRunning('progress');
    return this.emit('agent_progress', {
      status: 'progress',
      message,
      ...(percentage === undefined ? {} : { progress_percentage: percentage }),
      ...(data === undefined ? {} : { progress_data: toWireRecord(data) }),
    });
  }

  /**
   * Runs a tool through a reliability instance: `tool_executing` (with the parameters,
   * credentials redacted), then the call (its retries, fallback and breaker events land in
   * this run), then `tool_completed` with `status` `completed` or `failed`, the execution
   * time, the attempts and whether a fallback answered; `tool_completed` always follows
   * `tool_executing`, on failure too, unless the run ended meanwhile. Resolves to the
   * tool's value (or its fallback's), or rejects with the typed error.
   */
  async tool<T>(
    name: string,
    params: Record<string, unknown>,
    fn: Operation<T>,
    options: ToolOptions<T> = {},
  ): Promise<T> {
    this.assertRunning('tool');
    const instance = this.host.instanceFor(options.service, options.profile);
    const id = `${this.runId}:tool-${++this.tools}`;
    this.emit('tool_executing', {
      status: 'executing',
      tool_name: name,
      tool_call_id: id,
      parameters: toWireRecord(params),
      message: `Running ${name}`,
    });
    const started = this.host.clock.now();
    const r = await instance.run(fn, {
      operation: name,
      run: this,
      ...(options.fallback === undefined ? {} : { fallback: options.fallback }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const executionTimeMs = this.host.clock.now() - started;
    if (this.ended) {
      this.host.logger.debug(
        { runId: this.runId, tool: name, toolCallId: id },
        'a tool finished after its run ended; tool_completed not sent',
      );
    } else {
      const result = r.success && options.includeResult !== false ? toWireJson(r.value) : undefined;
      const message = r.success ? undefined : failureMessage(r.error);
      this.emit('tool_completed', {
        status: r.success ? 'completed' : 'failed',
        tool_name: name,
        tool_call_id: id,
        ...(result === undefined ? {} : { result }),
        ...(message === undefined ? {} : { error_message: message }),
        execution_time_ms: executionTimeMs,
        attempts: r.attempts.length,
        fallback_used: r.fallbackUsed,
        message: r.success
          ? r.fallbackUsed
            ? `${name} answered from its fallback`
            : `${name} completed`
          : `${name} failed`,
      });
    }
    if (r.success) return r.value;
    throw r.error;
  }

  /** Ends the run with `agent_completed` (the result sanitized for the wire). Terminal. */
  complete(result?: unknown, message = 'Completed'): AgentEvent {
    this.assertRunning('complete');
    const wire = toWireJson(result);
    const event = this.emit('agent_completed', {
      status: 'completed',
      ...(wire === undefined ? {} : { result: wire }),
      execution_time_ms: this.host.clock.now() - this.startedAt,
      message,
    });
    this.end('completed');
    return event;
  }

  /** Ends the run with `agent_error` (message, @rel error code and outcome kind). Terminal. */
  fail(error: unknown, context?: Record<string, unknown>): AgentEvent {
    this.assertRunning('fail');
    const code = isRelError(error) ? error.code : undefined;
    const event = this.emit('agent_error', {
      status: 'error',
      error_message: failureMessage(error) ?? 'unknown error',
      ...(code === undefined ? {} : { error_code: code }),
      error_kind: classify(error).kind,
      ...(context === undefined ? {} : { error_context: toWireRecord(context) }),
      message: `${this.agentName} failed`,
    });
    this.end('failed');
    return event;
  }

  /**
   * Adds a reliability event observed by one of this run's calls (`RunContext`). Never
   * throws: after the run ended it returns false (and logs at debug level).
   */
  report(event: ReliabilityEvent): boolean {
    if (this.ended) {
      this.host.logger.debug(
        { runId: this.runId, type: event.type },
        'a reliability event after the run ended was not sent',
      );
      return false;
    }
    try {
      this.emit(event.type, event.payload);
      return true;
    } catch (error) {
      this.host.logger.error(
        { err: error, runId: this.runId, type: event.type },
        'a reliability event was refused',
      );
      return false;
    }
  }

  private emit<K extends AgentEventType>(type: K, payload: AgentEventPayload<K>): AgentEvent {
    return this.host.events.emit({
      type,
      run_id: this.runId,
      user_id: this.userId,
      agent_name: this.agentName,
      ...(this.threadId === undefined ? {} : { thread_id: this.threadId }),
      payload,
    } as AgentEventInput);
  }

  private end(state: RunState): void {
    this.current = state;
    this.host.ended(this.runId);
  }

  private assertRunning(method: string): void {
    if (this.current === 'running') return;
    throw new InvalidStateError(
      `run "${this.runId}" has ${this.current}; ${method}() is not allowed after the run ended`,
    );
  }
}
