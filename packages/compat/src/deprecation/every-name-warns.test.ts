import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFakeDefaultManager } from '../../test/fixtures.js';
import * as compat from '../index.js';
import { DEPRECATION_CODES, type DeprecationCode } from './registry.js';
import { resetDeprecationsForTests } from './usage.js';

const noEnv = { env: {} };
const quick = async (p: Promise<unknown>): Promise<void> => void (await p.catch(() => undefined));

/** One use of each legacy name, as a call site writes it. Each runs twice below. */
const USES: Record<DeprecationCode, () => unknown> = {
  REL_DEP001: () => new compat.RetryManager(),
  REL_DEP002: () => compat.BackoffStrategy.LINEAR,
  REL_DEP003: () => new compat.RetryResult(true, 1),
  REL_DEP004: () => new compat.ReliabilityRetryConfig({ baseConfig: { max_retries: 1 } }),
  REL_DEP005: () => new compat.RetryHandler({ max_retries: 1 }),
  REL_DEP006: () => new compat.RetryStrategy(),
  REL_DEP007: () => new compat.APISpecificRetryStrategy('openai'),
  REL_DEP008: () => compat.withEnhancedRetry(),
  REL_DEP009: () => new compat.CircuitBreakerRetryStrategy(compat.FAST_LLM_RETRY),
  REL_DEP010: () => compat.FAST_LLM_RETRY.calculateDelay(1),
  REL_DEP011: () => compat.STANDARD_LLM_RETRY.shouldRetry(new Error('429')),
  REL_DEP012: () => compat.withEnhancedRetry(compat.SLOW_LLM_RETRY),
  REL_DEP013: () => compat.OPENAI_RETRY.calculateDelay(2),
  REL_DEP014: () => new compat.CircuitBreakerRetryStrategy(compat.ANTHROPIC_RETRY),
  REL_DEP015: () => new compat.LegacyUnifiedRetryHandler('env', {}, { env: { RETRY_MAX_ATTEMPTS: '2' } }),
  REL_DEP016: () => new compat.LegacyUnifiedRetryHandler('svc', {}, noEnv),
  REL_DEP017: () => compat.UnifiedRetryStrategy.FIBONACCI,
  REL_DEP018: () => new compat.UnifiedRetryConfig({ max_attempts: 2 }),
  REL_DEP019: () => new compat.UnifiedRetryResult(false),
  REL_DEP020: () => new compat.LegacyUnifiedRetryHandler('db', compat.LEGACY_DATABASE_RETRY_POLICY, noEnv),
  REL_DEP021: () => new compat.LegacyUnifiedRetryHandler('llm', compat.LEGACY_LLM_RETRY_POLICY, noEnv),
  REL_DEP022: () => new compat.LegacyUnifiedRetryHandler('agent', compat.LEGACY_AGENT_RETRY_POLICY, noEnv),
  REL_DEP023: () => new compat.LegacyUnifiedRetryHandler('api', compat.LEGACY_API_RETRY_POLICY, noEnv),
  REL_DEP024: () => new compat.LegacyUnifiedRetryHandler('ws', compat.LEGACY_WEBSOCKET_RETRY_POLICY, noEnv),
  REL_DEP025: () => new compat.LegacyUnifiedRetryHandler('file', compat.LEGACY_FILE_RETRY_POLICY, noEnv),
  REL_DEP026: () => compat.retryOnException({ env: {} }),
  REL_DEP027: () => compat.withRetry({ env: {} }),
  REL_DEP028: () => compat.withTimeout(1),
  REL_DEP029: () => new compat.AsyncCircuitBreaker(),
  REL_DEP030: () => new compat.LegacyReliabilityManager(),
  REL_DEP031: () => compat.CircuitState.HALF_OPEN,
  REL_DEP032: () => new compat.LegacyAgentReliabilityWrapper('agent'),
  REL_DEP033: () => compat.getReliabilityWrapper('agent'),
  REL_DEP034: () => compat.getSystemHealth(),
  REL_DEP035: () => compat.asyncRetryOnException({ env: {} }),
  REL_DEP036: () => compat.databaseRetry({ env: {} }),
  REL_DEP037: () => compat.llmRetry({ env: {} }),
  REL_DEP038: () => compat.agentRetry({ env: {} }),
  REL_DEP039: () => compat.apiRetry({ env: {} }),
  REL_DEP040: () => compat.retryDatabaseOperation(() => 1, 5, 0.5, noEnv),
  REL_DEP041: () => compat.retryHttpRequest(() => 1, 3, 1, noEnv),
  REL_DEP042: () => compat.retryLlmRequest(() => 1, 4, 2, noEnv),
  REL_DEP043: () => compat.retryAgentOperation(() => 1, 3, 1, noEnv),
  REL_DEP044: () => compat.retryWebsocketOperation(() => 1, 2, 0.5, noEnv),
  REL_DEP045: () => compat.retryFileOperation(() => 1, 3, 0.2, noEnv),
  REL_DEP046: () => new compat.RetryPolicyService(),
  REL_DEP047: () => compat.ServiceMeshRetryStrategy.RANDOM_JITTER,
  // core/enhanced_retry_strategies (Era A)
  REL_DEP048: () => new compat.EnhancedRetryConfig({ base_config: { max_retries: 1 } }),
  REL_DEP049: () =>
    new (class extends compat.EnhancedRetryStrategy {
      shouldRetry(): boolean {
        return true;
      }
    })(),
  REL_DEP050: () => new compat.DatabaseRetryStrategy({ max_retries: 1 }),
  REL_DEP051: () => new compat.ApiRetryStrategy({ max_retries: 1 }),
  REL_DEP052: () => new compat.MemoryAwareRetryStrategy({ max_retries: 1 }, 0.9, { memoryUsage: () => 0.1 }),
  REL_DEP053: () => new compat.AdaptiveRetryStrategy({ max_retries: 1 }),
  REL_DEP054: () => compat.RetryStrategyFactory.createStrategy('database_read'),
  REL_DEP055: () => compat.DEFAULT_RETRY_CONFIGS.llm_request,
  REL_DEP056: () => new compat.StrategyRetryManager(),
  REL_DEP057: () => compat.strategyRetryManager.getRetryMetrics(),
  REL_DEP058: () => compat.calculateRetryDelay({ base_delay: 0.5 }, 1),
  REL_DEP059: () => compat.exponentialBackoffRetry(() => [1], { max_retries: 0 }).next(),
  REL_DEP060: () => compat.EraAOperationType.CACHE_OPERATION,
  REL_DEP061: () => compat.ErrorSeverity.CRITICAL,
  REL_DEP062: () => new compat.EraARecoveryContext({ operation_id: 'op', error: new Error('x') }),
  // core/resilience/retry_manager, unified_retry_handler instances and helpers, async_retry_logic
  REL_DEP063: () => new compat.UnifiedRetryManager({ max_attempts: 1 }),
  REL_DEP064: () => new compat.ResilienceRetryConfig({ max_attempts: 2 }),
  REL_DEP065: () => compat.ResilienceBackoffStrategy.RANDOM,
  REL_DEP066: () => compat.ResilienceJitterType.DECORRELATED,
  REL_DEP067: () => compat.RetryPresets.createQuickRetry(),
  REL_DEP068: () => new compat.RetryExhaustedException(3, new Error('last')),
  REL_DEP069: () => compat.exponentialBackoff(3),
  REL_DEP070: () => compat.linearBackoff(3),
  REL_DEP071: () => compat.databaseRetryHandler.getCircuitBreakerStatus(),
  REL_DEP072: () => compat.llmRetryHandler.getCircuitBreakerStatus(),
  REL_DEP073: () => compat.agentRetryHandler.getCircuitBreakerStatus(),
  REL_DEP074: () => compat.apiRetryHandler.getCircuitBreakerStatus(),
  REL_DEP075: () => compat.websocketRetryHandler.getCircuitBreakerStatus(),
  REL_DEP076: () => compat.fileRetryHandler.getCircuitBreakerStatus(),
  REL_DEP077: () => compat.authRetryHandler.getCircuitBreakerStatus(),
  REL_DEP078: () => compat.backendRetryHandler.getCircuitBreakerStatus(),
  REL_DEP079: () => compat.launcherRetryHandler.getCircuitBreakerStatus(),
  REL_DEP080: () => compat.defaultRetryHandler.getCircuitBreakerStatus(),
  REL_DEP081: () => new compat.AsyncLock('every-name'),
  REL_DEP082: () => compat.asyncTimeout(1),
  // core/agent_reliability_mixin
  REL_DEP083: () => new (compat.AgentReliabilityMixin(class {}))(),
  REL_DEP084: () =>
    new compat.AgentError({
      error_id: 'e-1',
      agent_name: 'agent',
      operation: 'llm_call',
      error_type: 'Error',
      message: 'down',
      timestamp: new Date(0),
      severity: 'medium',
    }),
  REL_DEP085: () =>
    new compat.AgentHealthStatus({
      agent_name: 'agent',
      overall_health: 1,
      circuit_breaker_state: 'closed',
      recent_errors: 0,
      total_operations: 0,
      success_rate: 1,
      average_response_time: 0,
    }),
};

let env: ReturnType<typeof useFakeDefaultManager>;
beforeAll(() => {
  env = useFakeDefaultManager();
});
afterAll(() => {
  env.restore();
  resetDeprecationsForTests();
});

describe('every legacy name', () => {
  it('has a use in this table (a new code needs one)', () => {
    expect(Object.keys(USES).sort()).toEqual([...DEPRECATION_CODES].sort());
  });

  it.each(DEPRECATION_CODES.map((c) => [c]))('%s warns exactly once, with its code, on use', async (code) => {
    resetDeprecationsForTests();
    const seen: string[] = [];
    const listener = (w: Error & { code?: string }): void => {
      if (w.name === 'DeprecationWarning' && w.code !== undefined) seen.push(w.code);
    };
    process.on('warning', listener);
    try {
      const first = USES[code]();
      if (first instanceof Promise) await quick(first);
      const second = USES[code]();
      if (second instanceof Promise) await quick(second);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(seen.filter((c) => c === code)).toEqual([code]);
    expect(compat.getMigrationStatus().names.find((n) => n.code === code)?.uses).toBeGreaterThanOrEqual(2);
  });
});
