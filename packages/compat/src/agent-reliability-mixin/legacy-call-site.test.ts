// A legacy call site, written as the old services' TypeScript ports wrote it: an agent
// class that mixed in AgentReliabilityMixin (`class ResearchAgent(BaseAgent,
// AgentReliabilityMixin)` in Python), timeouts in seconds, recovery strategies by
// operation name, and the periodic health check. It must type-check and run unchanged
// on @rel/compat.
import {
  AgentReliabilityMixin,
  type AgentError,
  type AgentErrorSummary,
  type AgentHealthStatus,
} from '@rel/compat/agent-reliability-mixin';
import { getMigrationStatus } from '@rel/compat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemError, useFakeDefaultManager } from '../../test/fixtures.js';

// ---- the legacy module, unchanged -------------------------------------------------------

class BaseAgent {
  readonly name: string;
  readonly description: string;
  constructor(name: string, description = '') {
    this.name = name;
    this.description = description;
  }
}

interface Backend {
  search(query: string): Promise<string[]>;
  complete(prompt: string): Promise<string>;
  rows(sql: string): Promise<number[]>;
}

class ResearchAgent extends AgentReliabilityMixin(BaseAgent) {
  private readonly backend: Backend;

  constructor(backend: Backend) {
    super('research_agent', 'Finds and summarises sources');
    this.backend = backend;
    this.registerRecoveryStrategy('web_search', (error, context) =>
      Promise.resolve({
        results: [] as string[],
        note: `search unavailable for ${String(context?.query)}: ${String(error)}`,
      }),
    );
  }

  search(query: string): Promise<string[] | { results: string[]; note: string }> {
    return this.executeWithReliability<string[], { results: string[]; note: string }>(
      () => this.backend.search(query),
      'web_search',
      null,
      10.0,
      { query },
    );
  }

  summarise(text: string): Promise<unknown> {
    return this.executeWithReliability(
      () => this.backend.complete(`Summarise: ${text}`),
      'llm_call',
      undefined,
      20.0,
    );
  }

  count(sql: string): Promise<number[]> {
    return this.executeWithReliability(
      () => this.backend.rows(sql),
      'count_rows',
      () => Promise.resolve([0]),
    );
  }

  async healthReport(): Promise<{ status: AgentHealthStatus; errors: AgentErrorSummary } | null> {
    if (!this.shouldPerformHealthCheck()) return null;
    const status = await this.performHealthCheck();
    return { status, errors: this.getErrorSummary() };
  }

  lastFailure(): AgentError | undefined {
    return this.errorHistory[this.errorHistory.length - 1];
  }
}

// ---- the checks --------------------------------------------------------------------------

let env: ReturnType<typeof useFakeDefaultManager>;
beforeAll(() => {
  env = useFakeDefaultManager();
});
afterAll(() => env.restore());

async function run<T>(p: Promise<T>): Promise<T> {
  const done = p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await env.clock.runAll();
  const r = await done;
  if ('error' in r) throw r.error;
  return r.value;
}

describe('a legacy agent using AgentReliabilityMixin runs unchanged', () => {
  let searchCalls = 0;
  const backend: Backend = {
    search: (q) => (++searchCalls === 1 ? Promise.reject(systemError('ECONNRESET')) : Promise.resolve([q])),
    complete: () => Promise.reject(new Error('model overloaded')),
    rows: () => Promise.reject(new TypeError('bad sql')),
  };
  const agent = new ResearchAgent(backend);

  it('keeps the legacy defaults', () => {
    expect(agent.description).toBe('Finds and summarises sources');
    expect([agent.maxErrorHistory, agent.maxOperationHistory, agent.healthCheckInterval]).toEqual([
      50, 100, 60,
    ]);
    expect(Object.keys(agent.recoveryStrategies)).toEqual([
      'llm_call',
      'database_query',
      'api_call',
      'web_search',
    ]);
  });

  it('retries, falls back and recovers as the legacy agent did', async () => {
    expect(await run(agent.search('rust'))).toEqual(['rust']); // one retry after the reset
    expect(await run(agent.count('select 1'))).toEqual([0]); // the fallback answered
    expect(await run(agent.summarise('long text'))).toMatchObject({
      status: 'fallback',
      fallback_used: true,
    });
    expect(agent.lastFailure()).toMatchObject({
      operation: 'llm_call',
      message: 'model overloaded',
      recovery_attempted: true,
      recovery_successful: true,
    });
  });

  it('reports health every 60 s on the default manager clock', async () => {
    const first = await agent.healthReport();
    expect(first?.status.total_operations).toBe(3);
    expect(first?.errors).toMatchObject({ total_errors: 1, error_types: { Error: 1 }, recent_errors: 1 });
    expect(await agent.healthReport()).toBeNull();
    await env.clock.advance(60_000);
    expect((await agent.healthReport())?.status.agent_name).toBe('research_agent');
    expect(getMigrationStatus().names.find((n) => n.code === 'REL_DEP083')?.uses).toBeGreaterThan(0);
  });
});
