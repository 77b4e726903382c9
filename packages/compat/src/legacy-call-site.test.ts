// A legacy call site, written as the old services' TypeScript ports wrote it: imports from
// the legacy module paths, configs in seconds with snake_case keys (as stored in JSON),
// retries counted as retries. It must type-check and run unchanged on @rel/compat.
import { getReliabilityWrapper } from '@rel/compat/agent-reliability';
import { AsyncCircuitBreaker, withRetry } from '@rel/compat/async-retry-logic';
import {
  CircuitBreakerRetryStrategy,
  OPENAI_RETRY,
  RetryStrategy,
  withEnhancedRetry,
} from '@rel/compat/enhanced-retry';
import { ReliabilityRetryConfig, RetryHandler } from '@rel/compat/reliability-retry';
import { ReliabilityManager } from '@rel/compat/reliability-manager';
import { BackoffStrategy, RetryManager } from '@rel/compat/retry-manager';
import {
  DATABASE_RETRY_POLICY,
  RetryStrategy as UnifiedStrategy,
  UnifiedRetryHandler,
} from '@rel/compat/unified-retry-handler';
import { getMigrationStatus } from '@rel/compat';
import { sequenceRandom } from '@rel/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemError, useFakeDefaultManager } from '../test/fixtures.js';

// ---- the legacy module, unchanged -------------------------------------------------------

// agents/config.json, as the old services stored it
const AGENT_CONFIG = {
  retry: { max_retries: 2, base_delay: 0.5, max_delay: 10.0, jitter: false },
  circuit: { failure_threshold: 3, recovery_timeout: 30.0, half_open_max_calls: 1 },
} as const;

class LegacySearchAgent {
  private readonly retries = new RetryManager({
    max_attempts: 3,
    base_delay: 0.2,
    backoff_strategy: BackoffStrategy.EXPONENTIAL,
  });
  private readonly handler = new RetryHandler(ReliabilityRetryConfig.fromRetryConfig(AGENT_CONFIG.retry));
  private readonly db = new UnifiedRetryHandler('search_db', DATABASE_RETRY_POLICY, { env: {} });
  private readonly llm = new CircuitBreakerRetryStrategy(OPENAI_RETRY);
  private readonly reliability = new ReliabilityManager(5, 60, 3);
  private readonly wrapper = getReliabilityWrapper('search_agent', AGENT_CONFIG.circuit, AGENT_CONFIG.retry);
  private readonly cache = new AsyncCircuitBreaker({ failure_threshold: 2, timeout: 15.0 });

  readonly complete = withEnhancedRetry(
    new RetryStrategy({ max_attempts: 3, base_delay: 1.0, jitter_range: [1.0, 1.0] }),
  )(async (prompt: string, upstream: () => Promise<string>) => `${prompt}: ${await upstream()}`);

  readonly loadUser = withRetry({ max_attempts: 3, delay: 0.1, backoff_factor: 2.0, env: {} })(
    async (id: number, fetchUser: (id: number) => Promise<string>) => fetchUser(id),
  );

  async search(query: string, backend: () => Promise<string[]>): Promise<string[]> {
    const result = await this.retries.executeWithRetry(backend, `search_backend ${query}`);
    if (!result.success) throw result.lastError;
    return result.result ?? [];
  }

  rank(items: string[], scorer: (items: string[]) => Promise<string[]>): Promise<string[]> {
    return this.handler.executeWithRetry(
      () => scorer(items),
      'rank',
      (e) => !(e instanceof SyntaxError),
    );
  }

  async rows(sql: string, query: (sql: string) => Promise<number>): Promise<number> {
    const result = await this.db.executeWithRetryAsync(query, sql);
    if (!result.success) throw result.finalException;
    return result.result ?? 0;
  }

  summarise(text: string, model: (text: string) => Promise<string>): Promise<string> {
    return this.llm.executeWithRetry(model, text);
  }

  step(work: () => Promise<string>): Promise<string> {
    return this.reliability.executeWithReliability(work, 'step');
  }

  safe(work: () => Promise<string>): Promise<string> {
    return this.wrapper.executeSafely(work, 'safe_step', () => Promise.resolve('fallback answer'), 5.0);
  }

  cached(read: () => Promise<string>): Promise<string> {
    return this.cache.call(read);
  }

  health(): object {
    return {
      retries: this.retries.getHealthStatus(),
      reliability: this.reliability.getHealthStatus(),
      llm: this.llm.getCircuitStatus(),
      cache: this.cache.circuitInfo,
      strategy: UnifiedStrategy.EXPONENTIAL_JITTER,
    };
  }
}

// ---- the test ---------------------------------------------------------------------------

let env: ReturnType<typeof useFakeDefaultManager>;
beforeAll(() => {
  env = useFakeDefaultManager(sequenceRandom([0.5]));
});
afterAll(() => env.restore());

/** Lets every wait of a call elapse on the fake clock. */
async function run<T>(p: Promise<T>): Promise<T> {
  await env.clock.runAll();
  return p;
}

/** Fails `failures` times with `error`, then returns `value`. */
function flaky<T>(
  failures: number,
  value: T,
  error: () => Error = () => systemError('ECONNRESET'),
): () => Promise<T> {
  let calls = 0;
  return () => (++calls <= failures ? Promise.reject(error()) : Promise.resolve(value));
}

describe('a legacy call site, unchanged', () => {
  const agent = new LegacySearchAgent();

  it('runs every legacy entry point green', async () => {
    expect(await run(agent.search('q', flaky(2, ['a', 'b'])))).toEqual(['a', 'b']);
    expect(await run(agent.rank(['b', 'a'], flaky(1, ['a', 'b'])))).toEqual(['a', 'b']);
    expect(
      await run(
        agent.rows(
          'select 1',
          flaky(1, 1, () => Object.assign(new Error('deadlock'), { code: '40P01' })),
        ),
      ),
    ).toBe(1);
    expect(
      await run(
        agent.summarise(
          'doc',
          flaky(1, 'sum', () => new Error('429 rate limit')),
        ),
      ),
    ).toBe('sum');
    expect(await run(agent.step(flaky(1, 'done')))).toBe('done');
    expect(await run(agent.safe(() => Promise.reject(new Error('down'))))).toBe('fallback answer');
    expect(await run(agent.cached(flaky(0, 'hit')))).toBe('hit');
    expect(
      await run(
        agent.complete(
          'hi',
          flaky(2, 'there', () => new Error('overloaded')),
        ),
      ),
    ).toBe('hi: there');
    const fetchUser = flaky(1, 'user 7');
    expect(await run(agent.loadUser(7, () => fetchUser()))).toBe('user 7');
    // One call, and it needed retries: a retry rate above 0.5 is the legacy 'warning'.
    expect(agent.health()).toMatchObject({
      retries: { status: 'warning' },
      reliability: { status: 'healthy' },
      cache: { state: 'CLOSED' },
    });
  });

  it('keeps the legacy counts and seconds: a non-retryable error stops with the real attempt count', async () => {
    const r = await run(
      new RetryManager({ max_retries: 2 }).executeWithRetry(() => Promise.reject(new TypeError('bug')), 'x'),
    );
    expect([r.success, r.attempts]).toEqual([false, 1]);
  });

  it('shows up in canonical health, and in the migration report', () => {
    const services = env.manager.systemHealth().services.map((s) => s.service);
    expect(services).toEqual(
      expect.arrayContaining([
        'retry_manager',
        'reliability_retry',
        'search_db',
        'llm_retry_circuit',
        'search_agent',
        'llm_enhanced_retry',
        'async_retry_logic',
      ]),
    );
    const used = getMigrationStatus().names.map((n) => n.name);
    expect(used).toEqual(
      expect.arrayContaining([
        'RetryManager',
        'BackoffStrategy',
        'RetryHandler',
        'OPENAI_RETRY',
        'withRetry',
        'DATABASE_RETRY_POLICY (seconds)',
      ]),
    );
  });
});
