// Type-checked by `npm run release:check` inside a fresh consumer project, against the
// packed packages' published types (and run there by the smoke script's twin). It touches
// every package and subpath the way a user's first program would.
import {
  LLM_RELIABILITY_PROFILE,
  defineProfile,
  isRelError,
  type ReliabilityConfig,
  type RetryConfig,
} from '@rel/config';
import { UnifiedRetryHandler, classify, type RetryResult } from '@rel/retry';
import { UnifiedCircuitBreaker, type CircuitStatus } from '@rel/circuit';
import { ReliabilityHealthTracker, type HealthSnapshot } from '@rel/health';
import { HealthMetrics } from '@rel/health/prometheus';
import {
  AgentReliabilityWrapper,
  MemoryEventSink,
  ReliabilityManager,
  type AgentEvent,
  type ReliabilityResult,
} from '@rel/core';
import { WebSocketEventClient } from '@rel/core/client';
import { RetryManager } from '@rel/compat/retry-manager';

const retry: RetryConfig = LLM_RELIABILITY_PROFILE.retry;
const custom: ReliabilityConfig = defineProfile({
  profile: 'api',
  retry: { maxAttempts: retry.maxAttempts },
});

export function describeError(error: unknown): string {
  return isRelError(error) ? `${error.code}: ${error.message}` : String(error);
}

export async function firstProgram(): Promise<string[]> {
  const breaker = new UnifiedCircuitBreaker('search', { failureThreshold: 3 });
  const handler = new UnifiedRetryHandler('search', { maxAttempts: 2, baseDelayMs: 1 }, { gate: breaker });
  const direct: RetryResult<number> = await handler.executeWithRetry(() => 1);
  const status: CircuitStatus = breaker.status();

  const tracker = new ReliabilityHealthTracker('search');
  tracker.record({ kind: classify(new Error('boom')).kind, durationMs: 5 });
  const snapshot: HealthSnapshot = tracker.snapshot();

  const sink = new MemoryEventSink();
  const manager = new ReliabilityManager({ sinks: [sink], metrics: new HealthMetrics() });
  const instance = manager.get('tools', custom);
  const result: ReliabilityResult<string> = await instance.run(() => 'ok');
  const agent = new AgentReliabilityWrapper('assistant', { manager });
  const run = agent.startRun({ runId: 'run-1', userId: 'user-1', agentName: 'assistant' });
  await run.tool('lookup', { q: 'x' }, () => 'found');
  run.complete({ answer: 42 });
  const events: readonly AgentEvent[] = sink.events;

  const legacy = await new RetryManager({ maxAttempts: 2, baseDelay: 0.001 }).executeWithRetry(
    () => 'legacy',
  );
  const client: typeof WebSocketEventClient = WebSocketEventClient;
  await manager.close();
  return [
    String(direct.success),
    status.state,
    snapshot.status,
    String(result.success),
    `${events.length} events`,
    String(legacy.success),
    client.name,
  ];
}
