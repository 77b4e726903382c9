import type { RetryEvent } from '@rel/retry';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemError, useFakeDefaultManager } from '../../test/fixtures.js';
import { getMigrationStatus } from '../deprecation/migration-status.js';
import type { DeprecationCode } from '../deprecation/registry.js';
import { resetDeprecationsForTests } from '../deprecation/usage.js';
import { hasWarned } from '../deprecation/warn-once.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
  resetDeprecationsForTests();
  vi.resetModules();
});
afterEach(() => {
  env.restore();
  resetDeprecationsForTests();
});

const CODES: DeprecationCode[] = [
  'REL_DEP069',
  'REL_DEP070',
  'REL_DEP071',
  'REL_DEP072',
  'REL_DEP073',
  'REL_DEP074',
  'REL_DEP075',
  'REL_DEP076',
  'REL_DEP077',
  'REL_DEP078',
  'REL_DEP079',
  'REL_DEP080',
];

async function settle<T>(p: Promise<T>): Promise<T> {
  await env.clock.runAll();
  return p;
}

describe('module-level handler instances', () => {
  it('importing the module creates, registers and warns nothing', async () => {
    const mod = await import('./index.js');
    expect(mod.databaseRetryHandler).toBeDefined();
    // `await` and Promise.resolve probe `then`: still nothing is made.
    await Promise.resolve(mod.llmRetryHandler);
    expect(CODES.filter((c) => hasWarned(c))).toEqual([]);
    expect(getMigrationStatus().legacyNamesUsed).toBe(0);
    expect(env.manager.names()).toEqual([]);
  });

  it('the first use makes the handler (legacy name, policy and breaker), warning once with its own code', async () => {
    const mod = await import('./index.js');
    const db = mod.databaseRetryHandler;
    expect(db).toBeInstanceOf(mod.UnifiedRetryHandler);
    expect(hasWarned('REL_DEP071')).toBe(false);
    expect(db.serviceName).toBe('database');
    expect(hasWarned('REL_DEP071')).toBe(true);
    expect(hasWarned('REL_DEP016')).toBe(false); // counted under its own name, not UnifiedRetryHandler's
    expect(db.config).toMatchObject({ maxAttempts: 5, baseDelay: 0.5, circuitBreakerEnabled: true });
    expect(env.manager.names()).toEqual([]); // the instance comes with the first call
    const r = await settle(db.executeWithRetry((x: number) => x * 2, 21));
    expect(r).toMatchObject({ success: true, result: 42, totalAttempts: 1 });
    expect(env.manager.find('database')?.breaker).toBeDefined();
    expect(db.getCircuitBreakerStatus()).toMatchObject({ state: 'closed', failure_threshold: 5 });
    expect(db.config).toBe(db.config); // one handler
    expect(db.executeWithRetry).toBe(db.executeWithRetry);
  });

  it('keeps the legacy names and policies of all ten', async () => {
    const mod = await import('./index.js');
    const table = [
      [mod.databaseRetryHandler, 'database', 5, true],
      [mod.llmRetryHandler, 'llm', 4, true],
      [mod.agentRetryHandler, 'agent', 3, false],
      [mod.apiRetryHandler, 'api', 3, true],
      [mod.websocketRetryHandler, 'websocket', 2, false],
      [mod.fileRetryHandler, 'file', 3, false],
      [mod.authRetryHandler, 'auth_service', 3, true],
      [mod.backendRetryHandler, 'netra_backend', 3, true],
      [mod.launcherRetryHandler, 'dev_launcher', 3, true],
      [mod.defaultRetryHandler, 'default', 3, false],
    ] as const;
    for (const [handler, name, attempts, breaker] of table) {
      expect([handler.serviceName, handler.config.maxAttempts, handler.config.circuitBreakerEnabled]).toEqual(
        [name, attempts, breaker],
      );
    }
    expect(mod.authRetryHandler.config.maxDelay).toBe(30); // API policy
    expect(mod.defaultRetryHandler.config).toMatchObject({
      baseDelay: 1,
      maxDelay: 60,
      strategy: 'exponential',
    });
    expect(CODES.slice(2).every((c) => hasWarned(c))).toBe(true);
  });

  it('refuses to replace a member of a shared instance', async () => {
    const mod = await import('./index.js');
    expect(() => {
      (mod.fileRetryHandler as { serviceName: string }).serviceName = 'x';
    }).toThrow(TypeError);
  });

  it('delegates: retries of a module-level handler are canonical retry events and health', async () => {
    const mod = await import('./index.js');
    const api = mod.apiRetryHandler;
    await settle(api.executeWithRetry(() => 'warm-up'));
    const instance = env.manager.find('api')!;
    const retries: RetryEvent[] = [];
    const sub = instance.retry.onRetry((e) => retries.push(e));
    let calls = 0;
    const flaky = (): Promise<string> =>
      ++calls === 1 ? Promise.reject(systemError('ECONNRESET')) : Promise.resolve('ok');
    expect(await settle(api.executeWithRetryAsync(flaky))).toMatchObject({ success: true, totalAttempts: 2 });
    sub.dispose();
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ service: 'api', attempt: 1 });
    expect(instance.health.snapshot().totals).toMatchObject({ success: 2, transient: 1 });
  });
});

describe('exponentialBackoff / linearBackoff', () => {
  it('are the legacy pure formulas (seconds), warning once on first call', async () => {
    const { exponentialBackoff, linearBackoff } = await import('./index.js');
    expect(hasWarned('REL_DEP069')).toBe(false);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => exponentialBackoff(n))).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(exponentialBackoff(3, 0.5, 3, 10)).toBe(4.5);
    expect(exponentialBackoff(4, 0.5, 3, 10)).toBe(10);
    expect([1, 2, 3].map((n) => linearBackoff(n))).toEqual([1, 2, 3]);
    expect([1, 2, 3, 9].map((n) => linearBackoff(n, 0.5, 0.25, 2))).toEqual([0.5, 0.75, 1, 2]);
    expect([hasWarned('REL_DEP069'), hasWarned('REL_DEP070')]).toEqual([true, true]);
    expect(getMigrationStatus().names.find((n) => n.code === 'REL_DEP069')?.uses).toBe(10);
  });
});
