import { RelConfigError, systemRandom, type Random } from '@rel/config';
import type { ReliabilityInstance } from '@rel/core';
import { legacyCircuitStatus, type LegacyCircuitStatus } from '../delegate/legacy-circuit-status.js';
import {
  legacyClock,
  legacyInstance,
  legacyProfile,
  type LegacyProfile,
} from '../delegate/legacy-instance.js';
import { legacyFailure } from '../delegate/legacy-outcome.js';
import { useLegacy } from '../deprecation/warn-once.js';
import {
  convertLegacyCircuitConfig,
  LEGACY_BREAKER_DEFAULTS,
  type LegacyCircuitConfigInput,
} from '../legacy-config/legacy-circuit-config.js';
import type { LegacyRetryConfigInput } from '../legacy-config/legacy-retry-config.js';
import { penaltyHealthScore } from '../legacy-formulas/penalty-health-score.js';
import {
  convertReliabilityRetry,
  readReliabilityRetry,
} from '../reliability-retry/reliability-retry-config.js';
import { errorTypeName } from '../retry-manager/retry-statistics.js';
import { LegacyErrorLog, type LegacyErrorEntry } from './legacy-error-log.js';

/**
 * The errors the legacy wrapper never retried (by class name; see `LEGACY_EXCEPTION_NAMES`).
 * @deprecated Use `neverRetryOn` matchers of `RetryConfig` (`@rel/config`). Removed in 2.0.0.
 */
export const WRAPPER_NON_RETRYABLE: readonly string[] = Object.freeze([
  'ValidationError',
  'ValueError',
  'TypeError',
  'KeyError',
  'AttributeError',
  'NotImplementedError',
  'PermissionError',
  'FileNotFoundError',
  'ImportError',
]);

/**
 * `getHealthStatus()` of the legacy wrapper (legacy keys).
 * @deprecated Use `ReliabilityInstance#status()` of `@rel/core` (`health`, `circuit`). Removed in 2.0.0.
 */
export interface AgentHealthReport {
  readonly agent_name: string;
  readonly circuit_breaker: LegacyCircuitStatus;
  /** Failed calls in the last 5 minutes. */
  readonly recent_errors: number;
  readonly total_tracked_errors: number;
  readonly last_error: Omit<LegacyErrorEntry, 'at'> | null;
  /** The legacy penalty-based score in [0, 1]. */
  readonly health_score: number;
}

const FIVE_MINUTES = 300_000;

/**
 * Additions of the compat layer to the legacy constructor.
 * @deprecated Use the options of `AgentReliabilityWrapper` from `@rel/core`. Removed in 2.0.0.
 */
export interface AgentReliabilityWrapperOptions {
  /** Jitter source of the retry delays. @defaultValue `Math.random` */
  readonly random?: Random;
}

/**
 * The legacy `core/reliability.AgentReliabilityWrapper(agentName, circuitBreakerConfig?,
 * retryConfig?)`: calls run through the reliability instance `agentName` of the process
 * default manager (`@rel/core`) with the legacy breaker (5 failures, 30 s by default;
 * fixed recovery) and the reliability-retry schedule of `retryConfig` (retries + 1
 * attempts, `min(base·2^a, max)` + up to 25 %), never retrying the errors of
 * {@link WRAPPER_NON_RETRYABLE}. At the package root it is `LegacyAgentReliabilityWrapper`.
 *
 * @deprecated Use `AgentReliabilityWrapper` from `@rel/core` (`executeSafely`, agent runs
 * and events). Removed in 2.0.0 (REL_DEP032).
 * @example
 * ```ts
 * const reliability = new AgentReliabilityWrapper('triage', { failure_threshold: 3 }, { max_retries: 2, base_delay: 0.5 });
 * const plan = await reliability.executeSafely(() => llm.plan(task), 'plan', async () => DEFAULT_PLAN, 20);
 * ```
 */
export class AgentReliabilityWrapper {
  readonly agentName: string;
  private readonly profile: LegacyProfile;
  private readonly log = new LegacyErrorLog();

  /** @throws {@link RelConfigError} naming every unknown key or bad value. */
  constructor(
    agentName: string,
    circuitBreakerConfig?: LegacyCircuitConfigInput,
    retryConfig?: LegacyRetryConfigInput,
    options: AgentReliabilityWrapperOptions = {},
  ) {
    useLegacy('REL_DEP032');
    if (typeof agentName !== 'string' || agentName.length === 0) {
      throw new RelConfigError(
        [{ path: 'agentName', received: agentName, expected: 'a non-empty string' }],
        'AgentReliabilityWrapper',
      );
    }
    this.agentName = agentName;
    const breaker = convertLegacyCircuitConfig(circuitBreakerConfig, {
      ...LEGACY_BREAKER_DEFAULTS,
      countEveryFailure: true,
    });
    const read = readReliabilityRetry(retryConfig, undefined, 'retryConfig');
    const random = options.random ?? systemRandom;
    const retry = convertReliabilityRetry(
      { ...read, settings: { ...read.settings, nonRetryableExceptions: WRAPPER_NON_RETRYABLE } },
      random,
    ).config;
    this.profile = legacyProfile(
      agentName,
      ['agent_reliability_wrapper', breaker.config, read.settings, random],
      () => ({
        config: retry,
        circuitBreaker: breaker.config,
      }),
    );
  }

  /** The reliability instance of the process default manager behind this wrapper. */
  get instance(): ReliabilityInstance {
    return legacyInstance(this.profile);
  }

  /**
   * Runs `operation` behind the breaker with retries, within `timeout` seconds when given.
   * On a final failure (an open circuit included) `fallback()` answers when given;
   * otherwise the operation's error is thrown (an open circuit: a `CircuitOpenError`
   * "<agent>.<operation>: Circuit breaker is OPEN"). A failing fallback's error is thrown.
   */
  async executeSafely<T>(
    operation: () => T | PromiseLike<T>,
    operationName: string,
    fallback?: () => T | PromiseLike<T>,
    timeout?: number,
  ): Promise<Awaited<T>> {
    useLegacy('REL_DEP032');
    if (typeof operation !== 'function')
      throw new RelConfigError(
        [{ path: 'operation', received: operation, expected: 'a function' }],
        'executeSafely',
      );
    if (fallback !== undefined && typeof fallback !== 'function')
      throw new RelConfigError(
        [{ path: 'fallback', received: fallback, expected: 'a function' }],
        'executeSafely',
      );
    if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && timeout <= 86_400)) {
      throw new RelConfigError(
        [{ path: 'timeout', received: timeout, expected: 'a number of seconds in (0, 86400]' }],
        'executeSafely',
      );
    }
    const r = await this.instance.run(() => operation(), {
      operation: operationName,
      ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
      ...(fallback === undefined ? {} : { fallback: () => fallback() }),
    });
    if (r.success) {
      if (r.fallbackUsed && r.error !== undefined) this.track(operationName, r.error.cause ?? r.error);
      return r.value as Awaited<T>;
    }
    const error = legacyFailure(r, `${this.agentName}.${operationName}: Circuit breaker is OPEN`);
    this.track(operationName, error);
    if (r.fallbackError !== undefined) {
      this.track(`${operationName}_fallback`, r.fallbackError);
      // The legacy wrapper re-raised whatever the fallback raised.
      throw r.fallbackError as Error;
    }
    throw error;
  }

  /** The failed calls tracked (last 100, oldest first; legacy keys). */
  get errorHistory(): Omit<LegacyErrorEntry, 'at'>[] {
    return this.log.entries().map(({ at: _at, ...entry }) => entry);
  }

  /** The legacy health report, with the legacy penalty-based `health_score`. */
  getHealthStatus(): AgentHealthReport {
    useLegacy('REL_DEP032');
    const breaker = this.instance.breaker!;
    const status = legacyCircuitStatus(breaker);
    const recent = this.log.countSince(legacyClock().now() - FIVE_MINUTES);
    const last = this.log.last();
    return {
      agent_name: this.agentName,
      circuit_breaker: status,
      recent_errors: recent,
      total_tracked_errors: this.log.size,
      last_error: last === undefined ? null : (({ at: _at, ...entry }) => entry)(last),
      health_score: penaltyHealthScore({
        totalCalls: status.total_calls,
        successfulCalls: status.successful_calls,
        opens: status.unified_status.opens,
        recentErrors: recent,
      }),
    };
  }

  private track(operation: string, error: unknown): void {
    const at = legacyClock().now();
    this.log.add({
      timestamp: new Date(at).toISOString(),
      operation,
      error_type: errorTypeName(error),
      error_message: error instanceof Error ? error.message : String(error),
      agent: this.agentName,
      at,
    });
  }
}
