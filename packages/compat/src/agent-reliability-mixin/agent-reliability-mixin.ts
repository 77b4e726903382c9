import { RelConfigError } from '@rel/config';
import type { AgentReliabilityWrapper } from '../agent-reliability/agent-reliability-wrapper.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { AgentError } from './agent-error.js';
import type { AgentHealthStatus } from './agent-health-status.js';
import { AgentReliabilityCore } from './agent-reliability-core.js';
import type { AgentErrorSummary } from './error-summary.js';
import type { AgentRecoveryStrategy } from './recovery-strategies.js';

/**
 * The members {@link AgentReliabilityMixin} adds to an agent class (the legacy mixin's
 * attributes and methods, camelCased). Also usable as a type: `agent: AgentReliabilityMixin`.
 *
 * @deprecated Use `AgentReliabilityWrapper` from `@rel/core` (`executeSafely`, agent runs
 * and events) and `ReliabilityInstance#status()` for health. Removed in 2.0.0 (REL_DEP083).
 */
export interface AgentReliabilityMixin {
  /**
   * The agent's legacy reliability wrapper (`getReliabilityWrapper(name, { failure_threshold: 3,
   * recovery_timeout: 30.0 }, { max_retries: 2, base_delay: 1.0, max_delay: 10.0 })`, shared
   * by agents of one name); `reliability.instance` is its canonical reliability instance.
   */
  readonly reliability: AgentReliabilityWrapper;
  /** Failed operations kept in {@link errorHistory}. @defaultValue `50` */
  maxErrorHistory: number;
  /** Successful operation times kept in {@link operationTimes}. @defaultValue `100` */
  maxOperationHistory: number;
  /** Seconds between health checks ({@link shouldPerformHealthCheck}). @defaultValue `60` */
  healthCheckInterval: number;
  /**
   * The agent's recovery strategies by operation name (a frozen snapshot): `llm_call`,
   * `database_query`, `api_call` to start with, plus any registered.
   */
  readonly recoveryStrategies: Readonly<Record<string, AgentRecoveryStrategy>>;
  /**
   * The last {@link maxErrorHistory} failed operations, oldest first (a frozen copy).
   * Assigning replaces it (the legacy setter), keeping the newest `maxErrorHistory`.
   */
  errorHistory: readonly AgentError[];
  /** Seconds taken by the last {@link maxOperationHistory} successful operations, oldest first. */
  readonly operationTimes: readonly number[];

  /**
   * Runs `operation` through {@link reliability} (breaker, 2 retries, `fallback`) within
   * `timeout` seconds (absent, `null` or `0`: 30). On success the time taken is added to
   * {@link operationTimes} and the value returned (the fallback's, if it answered).
   * On a final failure (the fallback's own failure, an open circuit and the deadline
   * included): an {@link AgentError} is added to {@link errorHistory}; then, if a recovery
   * strategy is registered under exactly `operationName`, it is called with the error and
   * `context`, and a non-null answer is returned (the failure is logged at warn level and
   * stays in both histories); a `null` / `undefined` answer or a throwing strategy (logged
   * at error level) rethrows the operation's error, as does having no strategy.
   *
   * `R` is the type of the recovery answer, when it is not `T` (the default strategies
   * answer with dictionaries).
   *
   * @throws {@link RelConfigError} before any call when an argument is not usable.
   */
  executeWithReliability<T, R = Awaited<T>>(
    operation: () => T | PromiseLike<T>,
    operationName: string,
    fallback?: (() => T | PromiseLike<T>) | null,
    timeout?: number | null,
    context?: Readonly<Record<string, unknown>> | null,
  ): Promise<Awaited<T> | R>;
  /** Registers (or replaces) the recovery strategy of `operationName`. */
  registerRecoveryStrategy(operationName: string, recoveryFunc: AgentRecoveryStrategy): void;
  /**
   * The legacy health monitor's verdict (see {@link AgentHealthStatus}): success rate over
   * both bounded histories, minus 0.1 per error in the last 5 minutes (at most 0.5), minus
   * 0.1 per second of average response time over 5 s (newest 20; at most 0.3); `healthy`
   * at >= 0.8 with no recent error, `degraded` at >= 0.5 with at most 2, else `unhealthy`;
   * with the breaker's state and the canonical health snapshot (`canonical_health`).
   */
  getComprehensiveHealthStatus(): AgentHealthStatus;
  /** `{ total_errors, error_types, recent_errors, last_error? }` over {@link errorHistory}. */
  getErrorSummary(): AgentErrorSummary;
  /** Clears both histories, resets the breaker and the canonical health of the agent. */
  resetHealthMetrics(): void;
  /** {@link getComprehensiveHealthStatus}, noting the time of the check (logs a non-healthy status). */
  performHealthCheck(): Promise<AgentHealthStatus>;
  /**
   * True when no check was performed yet or {@link healthCheckInterval} seconds have passed
   * since the last one, on the clock of the process default manager.
   */
  shouldPerformHealthCheck(): boolean;
}

/** A class whose instances the mixin extends. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript requires `any[]` for a mixin's base constructor
type AgentClass = new (...args: any[]) => object;

/** The mixin's own constructor type (TypeScript intersects its instance type with the base's). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
type MixinClass = new (...args: any[]) => AgentReliabilityMixin;

// The legacy `_get_agent_name`: `getattr(self, 'name', self.__class__.__name__)`.
function agentNameOf(agent: object, cls: { readonly name: string }): string {
  const name = (agent as { name?: unknown }).name;
  if (typeof name === 'string' && name.length > 0) return name;
  if (cls.name.length > 0) return cls.name;
  throw new RelConfigError(
    [{ path: 'name', received: name, expected: 'a non-empty agent name (or a named class)' }],
    'AgentReliabilityMixin',
  );
}

/**
 * The legacy `core/agent_reliability_mixin.AgentReliabilityMixin` as a TypeScript class
 * mixin. The legacy module never imported at the last legacy commit (`ImportError`:
 * `AgentRecoveryManager` had moved), so this is its **intended** API, as its code and the
 * recovery manager and health monitor it composed describe it.
 *
 * A legacy `class TriageAgent(BaseAgent, AgentReliabilityMixin)` is written
 * `class TriageAgent extends AgentReliabilityMixin(BaseAgent)`. On construction (after
 * `BaseAgent`'s constructor, whose arguments pass through) the agent gets:
 * - `reliability`: the legacy wrapper of its `name` (or its class name) from
 *   `getReliabilityWrapper` with the mixin's breaker (3 failures, 30 s) and retries
 *   (2 retries, 1 s base, 10 s cap), so its calls run on the reliability instance of that
 *   name in the process default manager of `@rel/core`;
 * - `maxErrorHistory` 50, `maxOperationHistory` 100, `healthCheckInterval` 60 (s);
 * - recovery strategies `llm_call`, `database_query`, `api_call` (the legacy recovery
 *   manager's degraded answers, each with `error` and `fallback_used: true`).
 *
 * Warns `REL_DEP083` when applied and when an agent is constructed (once per process).
 * The wrapper it uses also counts as a use of `getReliabilityWrapper` / the legacy
 * `AgentReliabilityWrapper` (`REL_DEP033`, `REL_DEP032`), as the legacy wrapper warned too.
 *
 * @param Base - the agent base class; its instances' `name` must be set by its constructor.
 * @deprecated Use `AgentReliabilityWrapper` from `@rel/core` (`executeSafely`, agent runs and
 * events) with a `fallback` in place of recovery strategies, and `ReliabilityInstance#status()`
 * for health. Removed in 2.0.0 (REL_DEP083).
 * @example
 * ```ts
 * class TriageAgent extends AgentReliabilityMixin(BaseAgent) {
 *   classify(text: string) {
 *     return this.executeWithReliability(() => llm.classify(text), 'llm_call', undefined, 20);
 *   }
 * }
 * const agent = new TriageAgent('triage');
 * if (agent.shouldPerformHealthCheck()) await agent.performHealthCheck();
 * ```
 */
export function AgentReliabilityMixin<TBase extends AgentClass>(Base: TBase): TBase & MixinClass {
  useLegacy('REL_DEP083');
  if (typeof Base !== 'function') {
    throw new RelConfigError(
      [{ path: 'Base', received: Base, expected: 'a class' }],
      'AgentReliabilityMixin',
    );
  }
  class WithReliability extends Base implements AgentReliabilityMixin {
    // Private state lives in one object, so the agent class sees only the legacy members.
    readonly #core: AgentReliabilityCore;

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript requires `any[]` in a mixin constructor
    constructor(...args: any[]) {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- the base's own arguments, passed through
      super(...args);
      useLegacy('REL_DEP083');
      this.#core = new AgentReliabilityCore(agentNameOf(this, new.target));
    }

    get reliability(): AgentReliabilityWrapper {
      return this.#core.reliability;
    }

    get maxErrorHistory(): number {
      return this.#core.maxErrorHistory;
    }

    set maxErrorHistory(value: number) {
      this.#core.maxErrorHistory = value;
    }

    get maxOperationHistory(): number {
      return this.#core.maxOperationHistory;
    }

    set maxOperationHistory(value: number) {
      this.#core.maxOperationHistory = value;
    }

    get healthCheckInterval(): number {
      return this.#core.healthCheckInterval;
    }

    set healthCheckInterval(value: number) {
      this.#core.healthCheckInterval = value;
    }

    get recoveryStrategies(): Readonly<Record<string, AgentRecoveryStrategy>> {
      return this.#core.recoveryStrategies;
    }

    get errorHistory(): readonly AgentError[] {
      return this.#core.errorHistory;
    }

    set errorHistory(value: readonly AgentError[]) {
      this.#core.errorHistory = value;
    }

    get operationTimes(): readonly number[] {
      return this.#core.operationTimes;
    }

    executeWithReliability<T, R = Awaited<T>>(
      operation: () => T | PromiseLike<T>,
      operationName: string,
      fallback?: (() => T | PromiseLike<T>) | null,
      timeout?: number | null,
      context?: Readonly<Record<string, unknown>> | null,
    ): Promise<Awaited<T> | R> {
      useLegacy('REL_DEP083');
      return this.#core.execute<T, R>(operation, operationName, fallback, timeout, context);
    }

    registerRecoveryStrategy(operationName: string, recoveryFunc: AgentRecoveryStrategy): void {
      this.#core.registerRecoveryStrategy(operationName, recoveryFunc);
    }

    getComprehensiveHealthStatus(): AgentHealthStatus {
      return this.#core.getComprehensiveHealthStatus();
    }

    getErrorSummary(): AgentErrorSummary {
      return this.#core.getErrorSummary();
    }

    resetHealthMetrics(): void {
      this.#core.resetHealthMetrics();
    }

    performHealthCheck(): Promise<AgentHealthStatus> {
      // Async as in the legacy API; the check itself needs no waiting.
      return Promise.resolve(this.#core.performHealthCheck());
    }

    shouldPerformHealthCheck(): boolean {
      return this.#core.shouldPerformHealthCheck();
    }
  }
  return WithReliability;
}
