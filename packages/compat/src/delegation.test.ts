import type { RetryEvent } from '@rel/retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemError, useFakeDefaultManager } from '../test/fixtures.js';
import { AgentReliabilityWrapper } from './agent-reliability/agent-reliability-wrapper.js';
import { AsyncCircuitBreaker } from './async-retry-logic/async-circuit-breaker.js';
import { withRetry } from './async-retry-logic/with-retry.js';
import { withTimeout } from './async-retry-logic/with-timeout.js';
import { CircuitBreakerRetryStrategy } from './enhanced-retry/circuit-breaker-retry-strategy.js';
import { FAST_LLM_RETRY } from './enhanced-retry/presets.js';
import { withEnhancedRetry } from './enhanced-retry/with-enhanced-retry.js';
import { RetryHandler } from './reliability-retry/retry-handler.js';
import { ReliabilityManager } from './reliability-manager/reliability-manager.js';
import { RetryManager } from './retry-manager/retry-manager.js';
import { RetryPolicyService } from './retry-policy/retry-policy-service.js';
import { databaseRetry } from './unified-retry-handler/domain-retry.js';
import { retryOnException } from './unified-retry-handler/retry-on-exception.js';
import { UnifiedRetryHandler } from './unified-retry-handler/unified-retry-handler.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeAll(() => {
  env = useFakeDefaultManager();
});
afterAll(() => env.restore());

/** Fails once (a connection reset that LLM strategies also retry), then returns 'ok'. */
const flaky = (): (() => Promise<string>) => {
  let calls = 0;
  return () =>
    ++calls === 1 ? Promise.reject(systemError('ECONNRESET', 'ECONNRESET: timeout')) : Promise.resolve('ok');
};

const policies = new RetryPolicyService();
const handler = new UnifiedRetryHandler('legacy_unified', { base_delay: 0.1 }, { env: {} });
const retryManager = new RetryManager({ baseDelay: 0.1, service: 'legacy_retry_manager' });
const reliabilityRetry = new RetryHandler(
  { max_retries: 1, base_delay: 0.1 },
  { service: 'legacy_reliability_retry' },
);
const guarded = new CircuitBreakerRetryStrategy(FAST_LLM_RETRY);
const agents = new ReliabilityManager(5, 60, 3, { name: 'legacy_agents_manager' });
const wrapper = new AgentReliabilityWrapper('legacy_wrapper', undefined, { max_retries: 1, base_delay: 0.1 });

/** Each legacy entry point that retries, the instance it runs on, and one call through it. */
const RETRYING: [string, string, (op: () => Promise<string>) => Promise<unknown>][] = [
  ['RetryManager', 'legacy_retry_manager', (op) => retryManager.executeWithRetry(op, 'op')],
  ['RetryHandler', 'legacy_reliability_retry', (op) => reliabilityRetry.executeWithRetry(op)],
  ['withEnhancedRetry', 'llm_enhanced_retry', (op) => withEnhancedRetry(FAST_LLM_RETRY)(op)()],
  ['CircuitBreakerRetryStrategy', 'llm_retry_circuit', (op) => guarded.executeWithRetry(op)],
  ['UnifiedRetryHandler (legacy)', 'legacy_unified', (op) => handler.executeWithRetry(op)],
  [
    'retryOnException',
    'flakyOp',
    (op) =>
      retryOnException({ baseDelay: 0.1, env: {} })(
        Object.defineProperty(op, 'name', { value: 'flakyOp' }),
      )(),
  ],
  ['databaseRetry', 'database', (op) => databaseRetry({ env: {} })(op)()],
  ['withRetry', 'async_retry_logic', (op) => withRetry({ delay: 0.1, env: {} })(op)()],
  ['ReliabilityManager (agents)', 'legacy_agents_manager', (op) => agents.executeWithReliability(op)],
  ['AgentReliabilityWrapper (legacy)', 'legacy_wrapper', (op) => wrapper.executeSafely(op, 'op')],
  ['RetryPolicyService', 'legacy_mesh', (op) => policies.executeWithRetry('legacy_mesh', op)],
];

async function settle(p: Promise<unknown>): Promise<void> {
  const done = p.catch(() => undefined);
  await env.clock.runAll();
  await done;
}

describe('every legacy name delegates to the default manager of @rel/core', () => {
  it.each(RETRYING)(
    '%s: its retries are canonical retry events and its calls are in canonical health',
    async (_name, service, call) => {
      await settle(call(() => Promise.resolve('warm-up'))); // creates the instance
      const instance = env.manager.find(service);
      expect(instance, service).toBeDefined();
      const retries: RetryEvent[] = [];
      const sub = instance!.retry.onRetry((e) => retries.push(e));
      await settle(call(flaky()));
      sub.dispose();
      expect(retries).toHaveLength(1);
      expect(retries[0]).toMatchObject({ service, attempt: 1, kind: 'transient' });
      const totals = instance!.health.snapshot().totals;
      expect(totals.success).toBe(2);
      expect(totals.transient).toBe(1);
      expect(env.manager.health().checks).toHaveProperty([`${service}:health`]);
    },
  );

  it('withTimeout and AsyncCircuitBreaker (one attempt each) record their calls there too', async () => {
    await settle(withTimeout(1)(() => 'ok')());
    const breaker = new AsyncCircuitBreaker({ name: 'legacy_async_breaker' });
    await settle(breaker.call(() => Promise.reject(new Error('down'))));
    expect(env.manager.find('async_timeout')!.health.snapshot().totals.success).toBe(1);
    expect(env.manager.find('legacy_async_breaker')!.health.snapshot().totals.transient).toBe(1);
    expect(breaker.circuitBreaker).toBe(env.manager.find('legacy_async_breaker')!.breaker);
  });
});
