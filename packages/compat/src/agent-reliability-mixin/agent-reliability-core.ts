import { RelConfigError } from '@rel/config';
import { getDefaultManager } from '@rel/core';
import type { AgentReliabilityWrapper } from '../agent-reliability/agent-reliability-wrapper.js';
import { getReliabilityWrapper } from '../agent-reliability/registry.js';
import { legacyClock } from '../delegate/legacy-instance.js';
import { errorTypeName } from '../retry-manager/retry-statistics.js';
import { AgentError, agentError } from './agent-error.js';
import { agentHealthStatus, type AgentHealthStatus } from './agent-health-status.js';
import { errorSummary, type AgentErrorSummary } from './error-summary.js';
import { monitorHealth, RECENT_ERROR_WINDOW_SECONDS } from './monitor-health.js';
import { checkCall } from './call-arguments.js';
import { MIXIN_CIRCUIT_CONFIG, MIXIN_RETRY_CONFIG, positiveInteger, severityOf } from './mixin-defaults.js';
import { DEFAULT_RECOVERY_STRATEGIES, type AgentRecoveryStrategy } from './recovery-strategies.js';

/**
 * The state and behaviour behind one agent's {@link AgentReliabilityMixin} members: the
 * legacy wrapper it runs through, its two bounded histories, its recovery strategies and
 * its health-check timer. One concept apart from the class plumbing of the mixin, and
 * private to it (the mixin's instances expose only the legacy members).
 * @internal
 */
export class AgentReliabilityCore {
  readonly agentName: string;
  readonly reliability: AgentReliabilityWrapper;
  private errors: AgentError[] = [];
  private times: number[] = [];
  private maxErrors = 50;
  private maxTimes = 100;
  private interval = 60;
  private readonly strategies = new Map<string, AgentRecoveryStrategy>(
    Object.entries(DEFAULT_RECOVERY_STRATEGIES),
  );
  // Clock ms of the last performHealthCheck(); undefined before the first one, which the
  // legacy monitor expressed as "last check at the epoch" (so a check was always due).
  private lastHealthCheck: number | undefined;
  private sequence = 0;

  constructor(agentName: string) {
    this.agentName = agentName;
    // Through the legacy registry, as the legacy mixin did: agents of one name share one
    // wrapper (and so one canonical reliability instance), and the first config wins.
    this.reliability = getReliabilityWrapper(
      agentName,
      { ...MIXIN_CIRCUIT_CONFIG, name: agentName },
      MIXIN_RETRY_CONFIG,
    );
  }

  get maxErrorHistory(): number {
    return this.maxErrors;
  }

  set maxErrorHistory(value: number) {
    this.maxErrors = positiveInteger(value, 'maxErrorHistory');
    this.errors = this.errors.slice(-this.maxErrors);
  }

  get maxOperationHistory(): number {
    return this.maxTimes;
  }

  set maxOperationHistory(value: number) {
    this.maxTimes = positiveInteger(value, 'maxOperationHistory');
    this.times = this.times.slice(-this.maxTimes);
  }

  get healthCheckInterval(): number {
    return this.interval;
  }

  set healthCheckInterval(value: number) {
    if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
      throw new RelConfigError(
        [{ path: 'healthCheckInterval', received: value, expected: 'a number of seconds >= 0' }],
        'AgentReliabilityMixin',
      );
    }
    this.interval = value;
  }

  get errorHistory(): readonly AgentError[] {
    return Object.freeze([...this.errors]);
  }

  set errorHistory(value: readonly AgentError[]) {
    if (!Array.isArray(value) || !value.every((e) => e instanceof AgentError)) {
      throw new RelConfigError(
        [{ path: 'errorHistory', received: value, expected: 'an array of AgentError' }],
        'AgentReliabilityMixin',
      );
    }
    this.errors = value.slice(-this.maxErrors);
  }

  get operationTimes(): readonly number[] {
    return Object.freeze([...this.times]);
  }

  get recoveryStrategies(): Readonly<Record<string, AgentRecoveryStrategy>> {
    return Object.freeze(Object.fromEntries(this.strategies));
  }

  registerRecoveryStrategy(operationName: string, strategy: AgentRecoveryStrategy): void {
    if (typeof operationName !== 'string' || operationName.length === 0)
      throw new RelConfigError(
        [{ path: 'operationName', received: operationName, expected: 'a non-empty string' }],
        'registerRecoveryStrategy',
      );
    if (typeof strategy !== 'function')
      throw new RelConfigError(
        [{ path: 'recoveryFunc', received: strategy, expected: 'a function' }],
        'registerRecoveryStrategy',
      );
    this.strategies.set(operationName, strategy);
  }

  async execute<T, R>(
    operation: () => T | PromiseLike<T>,
    operationName: string,
    fallback: (() => T | PromiseLike<T>) | undefined | null,
    timeout: number | undefined | null,
    context: Readonly<Record<string, unknown>> | undefined | null,
  ): Promise<Awaited<T> | R> {
    // Misuse is thrown before the call, so it is never recorded as an agent failure nor
    // "recovered" by a strategy.
    const seconds = checkCall(operation, operationName, fallback, timeout, context);
    const clock = legacyClock();
    const start = clock.now();
    let value: Awaited<T>;
    try {
      value = await this.reliability.executeSafely(operation, operationName, fallback ?? undefined, seconds);
    } catch (error) {
      return (await this.recover(operationName, error, context ?? undefined)) as R;
    }
    // Successful calls only (a fallback's answer included), in seconds, waits included, as
    // the legacy monitor's record_successful_operation.
    this.pushTime((clock.now() - start) / 1000);
    return value;
  }

  private async recover(
    operationName: string,
    error: unknown,
    context: Readonly<Record<string, unknown>> | undefined,
  ): Promise<unknown> {
    const record = agentError({
      error_id: `${this.agentName}-${++this.sequence}`,
      agent_name: this.agentName,
      operation: operationName,
      error_type: errorTypeName(error),
      message: error instanceof Error ? error.message : String(error),
      timestamp: new Date(legacyClock().now()),
      severity: severityOf(error),
      context: context ?? {},
    });
    this.pushError(record);
    // Exact names only, as the legacy recovery manager (`operation_name in strategies`).
    const strategy = this.strategies.get(operationName);
    if (strategy === undefined) throw error;
    const log = getDefaultManager().logger;
    let recovered: unknown;
    try {
      recovered = await strategy(error, context);
    } catch (recoveryError) {
      this.markRecovery(record, false);
      log.error(
        { service: this.agentName, operation: operationName, err: recoveryError, cause: record.message },
        'agent recovery strategy failed; the operation error is rethrown',
      );
      throw error;
    }
    const ok = recovered !== null && recovered !== undefined;
    this.markRecovery(record, ok);
    if (!ok) throw error;
    // A recovered failure is still a failure: it is in the error history and in the
    // canonical health, and it is logged, so a degraded answer is never silent.
    log.warn(
      { service: this.agentName, operation: operationName, error_type: record.error_type },
      'agent operation failed and was answered by its recovery strategy',
    );
    return recovered;
  }

  getComprehensiveHealthStatus(): AgentHealthStatus {
    const now = legacyClock().now();
    const cutoff = now - RECENT_ERROR_WINDOW_SECONDS * 1000;
    const m = monitorHealth({
      successes: this.times.length,
      errors: this.errors.length,
      recentErrors: this.errors.filter((e) => e.timestamp.getTime() >= cutoff).length,
      operationTimes: this.times,
    });
    const instance = this.reliability.instance;
    instance.syncBreaker();
    return agentHealthStatus({
      agent_name: this.agentName,
      ...m,
      circuit_breaker_state: instance.breaker?.status().state ?? 'unknown',
      last_error: this.errors.at(-1) ?? null,
      canonical_health: instance.health.snapshot(),
    });
  }

  getErrorSummary(): AgentErrorSummary {
    return errorSummary(this.errors, legacyClock().now() - RECENT_ERROR_WINDOW_SECONDS * 1000);
  }

  resetHealthMetrics(): void {
    this.errors = [];
    this.times = [];
    const instance = this.reliability.instance;
    // The legacy monitor reset the wrapper's breaker; the canonical tracker is reset too,
    // as the legacy agents ReliabilityManager's reset does, so both reports start afresh.
    instance.breaker?.reset();
    instance.health.reset();
  }

  performHealthCheck(): AgentHealthStatus {
    this.lastHealthCheck = legacyClock().now();
    const status = this.getComprehensiveHealthStatus();
    if (status.status !== 'healthy') {
      getDefaultManager().logger.warn(
        {
          service: this.agentName,
          status: status.status,
          overall_health: status.overall_health,
          recent_errors: status.recent_errors,
        },
        `agent ${this.agentName} health status: ${status.status}`,
      );
    }
    return status;
  }

  shouldPerformHealthCheck(): boolean {
    return (
      this.lastHealthCheck === undefined || legacyClock().now() - this.lastHealthCheck >= this.interval * 1000
    );
  }

  private pushError(e: AgentError): void {
    this.errors.push(e);
    if (this.errors.length > this.maxErrors) this.errors.splice(0, this.errors.length - this.maxErrors);
  }

  private pushTime(seconds: number): void {
    this.times.push(seconds);
    if (this.times.length > this.maxTimes) this.times.splice(0, this.times.length - this.maxTimes);
  }

  // Records the outcome of a recovery on the entry (a frozen record is replaced, not
  // changed; if the entry has left the bounded history meanwhile, there is nothing to do).
  private markRecovery(record: AgentError, successful: boolean): void {
    const i = this.errors.lastIndexOf(record);
    if (i >= 0)
      this.errors[i] = agentError({ ...record, recovery_attempted: true, recovery_successful: successful });
  }
}
