// A legacy call site of core/resilience/retry_manager (and the unified handler's module
// instances, async_retry_logic's lock and timeout, the service mesh's test_policy), written
// as the old services' TypeScript ports wrote it: legacy module paths, configs in seconds
// with snake_case keys (as stored in JSON), the legacy exception caught by class. It must
// type-check and run unchanged on @rel/compat.
import { AsyncLock, asyncTimeout } from '@rel/compat/async-retry-logic';
import {
  BackoffStrategy,
  JitterType,
  RetryConfig,
  RetryExhaustedException,
  RetryPresets,
  UnifiedRetryManager,
} from '@rel/compat/resilience-retry-manager';
import { RetryPolicyService } from '@rel/compat/retry-policy';
import {
  apiRetryHandler,
  databaseRetryHandler,
  exponentialBackoff,
  linearBackoff,
} from '@rel/compat/unified-retry-handler';
import { getMigrationStatus } from '@rel/compat';
import { sequenceRandom } from '@rel/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemError, useFakeDefaultManager } from '../../test/fixtures.js';

// ---- the legacy module, unchanged -------------------------------------------------------

// services/gateway/retry.json, as the old services stored it
const GATEWAY_RETRY = {
  max_attempts: 4,
  base_delay_seconds: 0.25,
  max_delay_seconds: 2.0,
  backoff_strategy: 'exponential',
  backoff_multiplier: 2.0,
  jitter_type: 'none',
} as const;

class LegacyGateway {
  private readonly upstream = new UnifiedRetryManager(new RetryConfig(GATEWAY_RETRY));
  private readonly llm = new UnifiedRetryManager(RetryPresets.createLlmRetry());
  private readonly quick = new UnifiedRetryManager(
    new RetryConfig({
      max_attempts: 2,
      base_delay_seconds: 0.1,
      backoff_strategy: BackoffStrategy.FIXED,
      jitter_type: JitterType.NONE,
      retry_on_exceptions: ['ConnectionError', 'TimeoutError'],
    }),
  );
  private readonly refreshLock = new AsyncLock('token_refresh');
  private readonly mesh = new RetryPolicyService();

  async fetch(path: string, call: (path: string) => Promise<string>): Promise<string | null> {
    try {
      return await this.upstream.executeWithRetry(call, path);
    } catch (e) {
      if (e instanceof RetryExhaustedException) return null;
      throw e;
    }
  }

  complete(prompt: string, model: (prompt: string) => Promise<string>): Promise<string> {
    return this.llm.executeWithRetry(model, prompt);
  }

  ping(probe: () => string): Promise<string> {
    return this.quick.executeWithRetry(probe);
  }

  async refreshToken(refresh: () => Promise<string>): Promise<string> {
    return this.refreshLock.acquire(10.0, () => asyncTimeout(5.0, 'token_refresh')(refresh));
  }

  lockState(): object {
    return this.refreshLock.lockInfo;
  }

  async rows(sql: string, query: (sql: string) => Promise<number>): Promise<number> {
    const result = await databaseRetryHandler.executeWithRetryAsync(query, sql);
    if (!result.success) throw result.finalException;
    return result.result ?? 0;
  }

  async post(body: string, send: (body: string) => Promise<string>): Promise<string> {
    const result = await apiRetryHandler.executeWithRetryAsync(send, body);
    if (!result.success) throw result.finalException;
    return result.result!;
  }

  schedule(attempt: number): [number, number] {
    return [exponentialBackoff(attempt, 0.5), linearBackoff(attempt, 0.5, 0.5)];
  }

  async checkMesh(): Promise<boolean> {
    await this.mesh.registerPolicy('gateway', { max_retries: 2, base_delay: 0.1, jitter: false });
    const report = await this.mesh.testPolicy('gateway', 0.0);
    return report.success;
  }
}

// ---- the test ---------------------------------------------------------------------------

let env: ReturnType<typeof useFakeDefaultManager>;
beforeAll(() => {
  env = useFakeDefaultManager(sequenceRandom([0.5]));
});
afterAll(() => env.restore());

async function run<T>(p: Promise<T>): Promise<T> {
  await env.clock.runAll();
  return p;
}

function flaky<T>(failures: number, value: T, error: () => Error = () => systemError('ECONNRESET')) {
  let calls = 0;
  return (): Promise<T> => (++calls <= failures ? Promise.reject(error()) : Promise.resolve(value));
}

describe('a legacy resilience call site, unchanged', () => {
  const gateway = new LegacyGateway();

  it('runs every legacy entry point green', async () => {
    expect(await run(gateway.fetch('/users', flaky(3, 'users')))).toBe('users');
    expect(await run(gateway.fetch('/down', flaky(9, 'never')))).toBeNull();
    expect(await run(gateway.complete('hi', flaky(1, 'hello')))).toBe('hello');
    expect(await run(gateway.ping(() => 'pong'))).toBe('pong');
    // Outside retry_on_exceptions: thrown at once, no wait involved.
    await expect(
      gateway.ping(() => {
        throw new RangeError('not retried');
      }),
    ).rejects.toThrow('not retried');
    expect(await run(gateway.refreshToken(() => Promise.resolve('token')))).toBe('token');
    expect(gateway.lockState()).toMatchObject({ name: 'token_refresh', locked: false });
    expect(
      await run(
        gateway.rows(
          'select 1',
          flaky(1, 1, () => Object.assign(new Error('deadlock'), { code: '40P01' })),
        ),
      ),
    ).toBe(1);
    expect(await run(gateway.post('{}', flaky(1, 'created')))).toBe('created');
    expect(gateway.schedule(3)).toEqual([2, 1.5]);
    expect(await run(gateway.checkMesh())).toBe(true);
  });

  it('shows up in the canonical manager and in the migration report', () => {
    expect(env.manager.names()).toEqual(
      expect.arrayContaining(['unified_retry_manager', 'database', 'api', 'async_timeout', 'gateway']),
    );
    const used = getMigrationStatus()
      .names.filter((n) => n.uses > 0)
      .map((n) => n.code);
    expect(used).toEqual(
      expect.arrayContaining([
        'REL_DEP063',
        'REL_DEP064',
        'REL_DEP065',
        'REL_DEP066',
        'REL_DEP067',
        'REL_DEP068',
        'REL_DEP069',
        'REL_DEP070',
        'REL_DEP071',
        'REL_DEP074',
        'REL_DEP081',
        'REL_DEP082',
        'REL_DEP046',
      ]),
    );
  });
});
