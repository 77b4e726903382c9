import type { RetryEvent } from '@rel/retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemError, useFakeDefaultManager } from '../../test/fixtures.js';
import { clearReliabilityWrappers } from '../agent-reliability/registry.js';
import { AgentReliabilityMixin } from './agent-reliability-mixin.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
  clearReliabilityWrappers();
});
afterEach(() => env.restore());

class BaseAgent {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}
class Agent extends AgentReliabilityMixin(BaseAgent) {}

async function settle(p: Promise<unknown>): Promise<void> {
  const done = p.catch(() => undefined);
  await env.clock.runAll();
  await done;
}

/** Fails once with a connection reset, then returns 'ok'. */
const flaky = (): (() => Promise<string>) => {
  let calls = 0;
  return () => (++calls === 1 ? Promise.reject(systemError('ECONNRESET')) : Promise.resolve('ok'));
};

describe('AgentReliabilityMixin delegates to the default manager of @rel/core', () => {
  it("runs on the instance named after the agent: canonical retry events, health and the manager's report", async () => {
    const agent = new Agent('mixin_delegating');
    await settle(agent.executeWithReliability(() => 'warm-up', 'op'));
    const instance = env.manager.find('mixin_delegating');
    expect(instance).toBeDefined();
    expect(agent.reliability.instance).toBe(instance);
    const retries: RetryEvent[] = [];
    const sub = instance!.retry.onRetry((e) => retries.push(e));
    await settle(agent.executeWithReliability(flaky(), 'op'));
    sub.dispose();
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ service: 'mixin_delegating', attempt: 1, kind: 'transient' });
    const totals = instance!.health.snapshot().totals;
    expect(totals.success).toBe(2);
    expect(totals.transient).toBe(1);
    expect(env.manager.health().checks).toHaveProperty(['mixin_delegating:health']);
    expect(agent.getComprehensiveHealthStatus().canonical_health?.totals).toEqual(totals);
  });

  it('a failure answered by a recovery strategy is still a failure in canonical health and opens the canonical breaker', async () => {
    const agent = new Agent('mixin_recovered');
    for (let i = 0; i < 3; i++) {
      await settle(agent.executeWithReliability(() => Promise.reject(new TypeError('bad')), 'llm_call'));
    }
    const instance = env.manager.find('mixin_recovered')!;
    const snapshot = instance.health.snapshot();
    expect(snapshot.totals.success).toBe(0);
    expect(snapshot.lastError?.message).toBe('bad');
    expect(instance.breaker!.status().state).toBe('open');
    expect(agent.getComprehensiveHealthStatus().circuit_breaker_state).toBe('open');
    expect(agent.errorHistory.every((e) => e.recovery_successful)).toBe(true);
  });

  it('agents of one name share one wrapper and one canonical instance, as the legacy registry did', async () => {
    const a = new Agent('mixin_shared');
    const b = new Agent('mixin_shared');
    expect(a.reliability).toBe(b.reliability);
    expect(a.reliability.instance).toBe(b.reliability.instance);
    // ...but each agent keeps its own legacy histories.
    await settle(a.executeWithReliability(() => Promise.reject(new TypeError('a only')), 'op'));
    expect(a.errorHistory).toHaveLength(1);
    expect(b.errorHistory).toHaveLength(0);
    expect(b.reliability.instance.health.snapshot().lastError?.message).toBe('a only');
  });
});
