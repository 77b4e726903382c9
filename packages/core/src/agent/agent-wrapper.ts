import {
  AGENT_RELIABILITY_PROFILE,
  InvalidStateError,
  RelConfigError,
  type ReliabilityConfig,
  type ReliabilityConfigInput,
  type ValidationIssue,
} from '@rel/config';
import type { Operation } from '@rel/retry';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { EventDispatcher } from '../events/dispatcher.js';
import type { RunContext } from '../events/run-context.js';
import type { Fallback } from '../instance/call-options.js';
import type { ReliabilityInstance } from '../instance/reliability-instance.js';
import { getDefaultManager } from '../manager/default-manager.js';
import type { ReliabilityManager } from '../manager/reliability-manager.js';
import { AgentRun } from './agent-run.js';
import type { RunHost } from './run-types.js';
import { EventRunContext } from './event-run-context.js';
import { runIdsOf, type RunIds } from './run-ids.js';

/** Options of an {@link AgentReliabilityWrapper}. */
export interface AgentReliabilityWrapperOptions {
  /** The manager whose instances the agent calls through. @defaultValue `getDefaultManager()` */
  readonly manager?: ReliabilityManager;
  /** Where the agent's events go. @defaultValue `manager.events` */
  readonly events?: EventDispatcher;
  /** Logger (a child bound to `{ agent }` is used). @defaultValue `manager.logger` */
  readonly logger?: Logger;
  /**
   * Profile of the agent's own instance (named after the agent) when it does not exist yet;
   * given explicitly, it must match an existing one. @defaultValue `AGENT_RELIABILITY_PROFILE`
   */
  readonly profile?: ReliabilityConfig | ReliabilityConfigInput;
}

/** Options of `startRun`. */
export interface StartRunOptions {
  /** Unique per event stream. @defaultValue a random UUID */
  readonly runId?: string;
  /** The user the run's events are for (the only one who receives them). */
  readonly userId: string;
  /** The chat thread of the run. */
  readonly threadId?: string;
  /** @defaultValue the wrapper's agent name */
  readonly agentName?: string;
  /** `agent_started`'s message. @defaultValue `Starting <agent>` */
  readonly message?: string;
  /** `agent_started`'s context (sanitized for the wire). */
  readonly context?: Record<string, unknown>;
}

/** Options of `executeSafely`. */
export interface ExecuteSafelyOptions<T> {
  /** A run to report into: one started here, or any run when `userId` is given too. */
  readonly runId?: string;
  readonly userId?: string;
  readonly threadId?: string;
  readonly fallback?: Fallback<T>;
  /** Overall deadline (ms). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * The canonical per-agent entry point: an agent's calls go through its reliability
 * instance (named after the agent, the agent profile unless told otherwise), and its runs
 * stream typed events to the chat front end.
 *
 * @example
 * ```ts
 * const agent = new AgentReliabilityWrapper('triage', { manager });
 * const summary = await agent.executeSafely(() => llm.summarize(ticket), 'summarize', { fallback: '' });
 * const run = agent.startRun({ userId: 'u-42', threadId: 't-7' });
 * const hits = await run.tool('search', { q }, () => search(q), { service: 'search-api' });
 * run.complete({ hits: hits.length });
 * ```
 */
export class AgentReliabilityWrapper {
  readonly agentName: string;
  readonly manager: ReliabilityManager;
  readonly events: EventDispatcher;
  /** The agent's own reliability instance. */
  readonly instance: ReliabilityInstance;
  private readonly logger: Logger;
  private readonly runIds: RunIds;
  private readonly runs = new Map<string, AgentRun>();
  private readonly host: RunHost;

  /** @throws `RelConfigError` for a bad name or option; `RegistryConflictError` for a conflicting `profile`. */
  constructor(agentName: string, options: AgentReliabilityWrapperOptions = {}) {
    if (typeof agentName !== 'string' || agentName.length === 0) {
      throw new RelConfigError(
        [{ path: 'agentName', received: agentName, expected: 'a non-empty string' }],
        'AgentReliabilityWrapper',
      );
    }
    this.agentName = agentName;
    this.manager = options.manager ?? getDefaultManager();
    this.events = options.events ?? this.manager.events;
    this.logger = (options.logger ?? this.manager.logger).child({ agent: agentName });
    this.instance =
      options.profile === undefined && this.manager.has(agentName)
        ? this.manager.get(agentName)
        : this.manager.get(agentName, options.profile ?? AGENT_RELIABILITY_PROFILE);
    this.runIds = runIdsOf(this.events);
    this.host = {
      events: this.events,
      clock: this.manager.clock,
      logger: this.logger,
      instanceFor: (service, profile) =>
        service === undefined
          ? this.instance
          : profile === undefined
            ? this.manager.get(service)
            : this.manager.get(service, profile),
      ended: (runId) => {
        this.runs.delete(runId);
        this.runIds.release(runId);
      },
    };
  }

  /**
   * Starts a run: emits `agent_started` and returns the run. `runId` must be new to this
   * event stream.
   * @throws `InvalidStateError` for a run id in use; `RelConfigError` / `RelValidationError` for bad ids.
   */
  startRun(options: StartRunOptions): AgentRun {
    const o = (options ?? {}) as Partial<StartRunOptions>;
    const issues: ValidationIssue[] = [];
    if (typeof o.userId !== 'string' || o.userId.length === 0)
      issues.push({ path: 'userId', received: o.userId, expected: 'a non-empty string' });
    if (o.runId !== undefined && (typeof o.runId !== 'string' || o.runId.length === 0))
      issues.push({ path: 'runId', received: o.runId, expected: 'a non-empty string' });
    if (o.threadId !== undefined && (typeof o.threadId !== 'string' || o.threadId.length === 0))
      issues.push({ path: 'threadId', received: o.threadId, expected: 'a non-empty string' });
    if (issues.length > 0) throw new RelConfigError(issues, 'startRun options');
    const runId = o.runId ?? randomUUID();
    const agentName = o.agentName ?? this.agentName;
    this.runIds.claim(runId);
    const run = new AgentRun({ runId, userId: o.userId!, threadId: o.threadId, agentName }, this.host);
    try {
      run.start(o.message ?? `Starting ${agentName}`, o.context ?? {});
    } catch (error) {
      this.runIds.release(runId); // never started: no events went out
      throw error;
    }
    this.runs.set(runId, run);
    return run;
  }

  /** A run of this wrapper that is still running. */
  getRun(runId: string): AgentRun | undefined {
    return this.runs.get(runId);
  }

  /** Runs of this wrapper still running. */
  activeRuns(): AgentRun[] {
    return [...this.runs.values()];
  }

  /**
   * Runs `operation` through the agent's instance, the canonical call of an agent step:
   * retries, breaker, bulkhead, deadline and fallback of the agent's profile. With a
   * `runId` (a run started here, or any run when `userId` is given too) its reliability
   * events are reported into that run. Resolves to the value (or the fallback's) or
   * rejects with the typed error.
   */
  async executeSafely<T>(
    operation: Operation<T>,
    operationName: string,
    options: ExecuteSafelyOptions<T> = {},
  ): Promise<T> {
    const run = this.runContext(options);
    return this.instance.execute(operation, {
      operation: operationName,
      ...(run === undefined ? {} : { run }),
      ...(options.fallback === undefined ? {} : { fallback: options.fallback }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  private runContext(o: ExecuteSafelyOptions<unknown>): RunContext | undefined {
    if (o.runId === undefined) return undefined;
    const own = this.runs.get(o.runId);
    if (own !== undefined) {
      if (o.userId !== undefined && o.userId !== own.userId) {
        throw new RelConfigError(
          [{ path: 'userId', received: o.userId, expected: `the run's user ("${own.userId}")` }],
          'executeSafely options',
        );
      }
      return own;
    }
    if (this.runIds.hasEnded(o.runId)) {
      throw new InvalidStateError(`run "${o.runId}" has ended; nothing may be reported into it any more`);
    }
    if (typeof o.userId !== 'string' || o.userId.length === 0) {
      throw new RelConfigError(
        [
          {
            path: 'userId',
            received: o.userId,
            expected: `a user id: run "${o.runId}" was not started by this agent`,
          },
        ],
        'executeSafely options',
      );
    }
    return new EventRunContext(
      { runId: o.runId, userId: o.userId, threadId: o.threadId, agentName: this.agentName },
      this.events,
      this.logger,
    );
  }
}
