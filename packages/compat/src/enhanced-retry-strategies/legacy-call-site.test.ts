// A legacy call site of the Era A strategy family, written as the old services' TypeScript
// ports wrote it: imports from the legacy module path, configs in seconds with snake_case
// keys (as stored in JSON), retries counted as retries, contexts built by hand. It must
// type-check and run unchanged on @rel/compat.
import {
  ApiRetryStrategy,
  calculateRetryDelay,
  DatabaseRetryStrategy,
  DEFAULT_RETRY_CONFIGS,
  EnhancedRetryConfig,
  ErrorSeverity,
  exponentialBackoffRetry,
  MemoryAwareRetryStrategy,
  OperationType,
  RecoveryContext,
  retryManager,
  RetryStrategyFactory,
  type EnhancedRetryStrategy,
} from '@rel/compat/enhanced-retry-strategies';
import { getMigrationStatus } from '@rel/compat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemError, useFakeDefaultManager } from '../../test/fixtures.js';

// ---- the legacy module, unchanged -------------------------------------------------------

// services/config.json, as the old services stored it
const SERVICE_CONFIG = {
  orders_db: {
    max_retries: 2,
    base_delay: 0.05,
    max_delay: 1.0,
    backoff_strategy: 'linear',
    jitter_type: 'none',
  },
  payments_api: { max_retries: 3, base_delay: 0.1, max_delay: 2.0 },
} as const;

class LegacyOrderService {
  private readonly db = new DatabaseRetryStrategy(SERVICE_CONFIG.orders_db);
  private readonly payments = RetryStrategyFactory.createStrategy(
    OperationType.EXTERNAL_API,
    new EnhancedRetryConfig({ base_config: SERVICE_CONFIG.payments_api, jitter_type: 'none' }),
  );
  private readonly agents = new MemoryAwareRetryStrategy(
    DEFAULT_RETRY_CONFIGS[OperationType.AGENT_EXECUTION],
    0.99,
    {
      memoryUsage: () => 0.4,
    },
  );

  /** The legacy hand-written decision, as the services wrote it around their own calls. */
  shouldRetryInsert(error: Error, retry_count: number): boolean {
    const context = new RecoveryContext({
      operation_id: 'insert_order',
      operation_type: OperationType.DATABASE_WRITE,
      error,
      severity: ErrorSeverity.MEDIUM,
      retry_count,
    });
    return this.db.shouldRetry(context);
  }

  loadOrder(id: string, query: (id: string) => Promise<string>): Promise<string> {
    return this.db.executeWithRetry(() => query(id), { operation_id: `load_order:${id}` });
  }

  charge(amount: number, call: (amount: number) => Promise<string>): Promise<string> {
    return this.payments.executeWithRetry(() => call(amount), {
      operation_id: 'charge',
      operation_type: OperationType.EXTERNAL_API,
    });
  }

  runAgent(task: () => Promise<string>): Promise<string> {
    return this.agents.executeWithRetry(task, { operation_id: 'agent', severity: ErrorSeverity.HIGH });
  }

  strategyFor(operation_id: string): EnhancedRetryStrategy {
    return retryManager.getStrategy(OperationType.LLM_REQUEST, operation_id);
  }

  async *firstPage(fetchPages: () => AsyncGenerator<string>): AsyncGenerator<string> {
    yield* exponentialBackoffRetry(fetchPages, { max_retries: 1, base_delay: 0.05 });
  }
}

// ---- the test ---------------------------------------------------------------------------

let env: ReturnType<typeof useFakeDefaultManager>;
beforeAll(() => {
  env = useFakeDefaultManager();
});
afterAll(() => env.restore());

async function settle<T>(p: Promise<T>): Promise<T> {
  const done = p.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  await env.clock.runAll();
  const r = await done;
  if (!r.ok) throw r.e;
  return r.v;
}

const flaky = <T>(failures: number, value: T, error: () => unknown): (() => Promise<T>) => {
  let calls = 0;
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return () => (++calls <= failures ? Promise.reject(error()) : Promise.resolve(value));
};

describe('a legacy call site of core/enhanced_retry_strategies', () => {
  const service = new LegacyOrderService();

  it('keeps its hand-written decisions', () => {
    expect(service.shouldRetryInsert(new Error('connection reset'), 0)).toBe(true);
    expect(service.shouldRetryInsert(new Error('duplicate key: unique constraint'), 0)).toBe(false);
    expect(service.shouldRetryInsert(new Error('connection reset'), 2)).toBe(false);
  });

  it('retries its calls through the canonical default manager', async () => {
    const query = flaky(2, 'order-7', () => systemError('ECONNRESET', 'connection reset'));
    expect(await settle(service.loadOrder('7', query))).toBe('order-7');
    const gateway = flaky(1, 'charged', () => Object.assign(new Error('bad gateway'), { status: 502 }));
    expect(await settle(service.charge(10, gateway))).toBe('charged');
    expect(await settle(service.runAgent(flaky(1, 'done', () => new Error('tool crashed'))))).toBe('done');
    expect(env.manager.find('retry_strategy')!.health.snapshot().totals).toMatchObject({
      success: 1,
      transient: 2,
    });
    expect(env.manager.find('retry_strategy_external_api')!.health.snapshot().totals.success).toBe(1);
  });

  it('uses the global manager, the helpers and the generator form', async () => {
    expect(RetryStrategyFactory.createStrategy(OperationType.EXTERNAL_API)).toBeInstanceOf(ApiRetryStrategy);
    expect(service.strategyFor('summaries')).toBe(service.strategyFor('summaries'));
    expect(retryManager.getRetryMetrics().strategy_types['llm_request:summaries']).toBe(
      'AdaptiveRetryStrategy',
    );
    expect(calculateRetryDelay(SERVICE_CONFIG.payments_api, 3)).toBe(0.8);
    const fetchPages = async function* (): AsyncGenerator<string> {
      await Promise.resolve();
      yield 'page-1';
    };
    const items: string[] = [];
    await settle(
      (async () => {
        for await (const page of service.firstPage(fetchPages)) items.push(page);
      })(),
    );
    expect(items).toEqual(['page-1']);
    const used = getMigrationStatus().names.filter(
      (n) => n.module === 'enhanced-retry-strategies' && n.uses > 0,
    );
    expect(used.map((n) => n.code)).toEqual(
      expect.arrayContaining(['REL_DEP050', 'REL_DEP054', 'REL_DEP057']),
    );
  });
});
