// What a legacy name costs over the canonical call it delegates to (success path).
// Run: pnpm --filter @rel/compat exec vitest bench --run
import { AGENT_RELIABILITY_PROFILE } from '@rel/config';
import { getDefaultManager, ReliabilityManager, setDefaultManager } from '@rel/core';
import { bench, describe } from 'vitest';
import { RetryStrategy, withEnhancedRetry } from './enhanced-retry/index.js';
import { RetryHandler } from './reliability-retry/index.js';
import { RetryManager } from './retry-manager/index.js';
import { UnifiedRetryHandler } from './unified-retry-handler/index.js';

setDefaultManager(new ReliabilityManager());
const op = (): Promise<number> => Promise.resolve(1);
const canonical = getDefaultManager().get('canonical', {
  ...AGENT_RELIABILITY_PROFILE,
  circuitBreaker: false,
});
const manager = new RetryManager({ maxAttempts: 3, service: 'bench_retry_manager' });
const handler = new RetryHandler({ max_retries: 2 }, { service: 'bench_reliability_retry' });
const unified = new UnifiedRetryHandler('bench_unified', { max_attempts: 3 }, { env: {} });
const enhanced = withEnhancedRetry(new RetryStrategy({ maxAttempts: 3 }))(op);

describe('success path: legacy name vs the canonical call', () => {
  bench('canonical ReliabilityInstance#run', async () => {
    await canonical.run(op);
  });
  bench('RetryManager#executeWithRetry', async () => {
    await manager.executeWithRetry(op, 'op');
  });
  bench('RetryHandler#executeWithRetry', async () => {
    await handler.executeWithRetry(op, 'op');
  });
  bench('legacy UnifiedRetryHandler#executeWithRetry', async () => {
    await unified.executeWithRetry(op);
  });
  bench('withEnhancedRetry(strategy)(fn)', async () => {
    await enhanced();
  });
});
