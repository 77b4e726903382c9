import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFakeDefaultManager } from '../../test/fixtures.js';
import { resetDeprecationsForTests } from '../deprecation/usage.js';
import { AdaptiveRetryStrategy } from './adaptive-retry-strategy.js';
import { ApiRetryStrategy } from './api-retry-strategy.js';
import { DatabaseRetryStrategy } from './database-retry-strategy.js';
import { DEFAULT_RETRY_CONFIGS } from './default-retry-configs.js';
import { ErrorSeverity } from './error-severity.js';
import { MemoryAwareRetryStrategy } from './memory-aware-retry-strategy.js';
import { systemMemoryUsage } from './memory-usage.js';
import { OperationType } from './operation-type.js';
import { RecoveryContext } from './recovery-context.js';
import { RetryStrategyFactory } from './retry-strategy-factory.js';
import { RetryManager, retryManager } from './retry-strategy-manager.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());
afterAll(() => resetDeprecationsForTests());

const ctx = (message: string, over: Record<string, unknown> = {}) => ({ error: new Error(message), ...over });

describe('DatabaseRetryStrategy.shouldRetry', () => {
  const db = new DatabaseRetryStrategy({ max_retries: 2 });
  it.each([
    ['connection refused', {}, true],
    ['Lock timeout exceeded', {}, true],
    ['database is busy', {}, true],
    ['deadlock detected', {}, true],
    ['duplicate key violates unique constraint', {}, false],
    ['insert violates foreign key', {}, false],
    ['timeout while checking constraint', {}, true], // retryable words win over constraint words
    ['syntax error', {}, true], // otherwise yes
    ['connection refused', { severity: 'critical' }, false], // critical first
    ['connection refused', { retry_count: 2 }, false], // limit first
    ['connection refused', { retry_count: 1 }, true],
  ])('%s %o -> %s', (message, over, expected) => {
    expect(db.shouldRetry(ctx(message, over))).toBe(expected);
  });
});

describe('ApiRetryStrategy.shouldRetry', () => {
  const api = new ApiRetryStrategy({ max_retries: 4 });
  it.each([
    [429, 'x', true],
    [500, 'x', true],
    [504, 'x', true],
    [404, 'connection reset', false], // a 4xx status wins over the words
    [400, 'x', false],
    [418, 'x', false],
    [501, 'x', true], // any other status: yes
    [302, 'x', true],
    [0, 'network unreachable', true], // falsy status: the words decide
    [undefined, 'read timeout', true],
    [undefined, 'bad request', false],
  ])('status %s, %s -> %s', (status_code, message, expected) => {
    expect(api.shouldRetry(ctx(message, { metadata: { status_code } }))).toBe(expected);
  });
  it('ignores severity and stops at max_retries', () => {
    expect(api.shouldRetry(ctx('timeout', { severity: ErrorSeverity.CRITICAL }))).toBe(true);
    expect(api.shouldRetry(ctx('timeout', { retry_count: 4 }))).toBe(false);
  });
});

describe('MemoryAwareRetryStrategy.shouldRetry', () => {
  let usage = 0.5;
  const mem = new MemoryAwareRetryStrategy({ max_retries: 2 }, 0.8, { memoryUsage: () => usage });
  it('refuses above the threshold, for memory errors and critical ones', () => {
    usage = 0.5;
    expect(mem.shouldRetry(ctx('boom'))).toBe(true);
    expect(mem.shouldRetry(ctx('Out of Memory'))).toBe(false);
    expect(mem.shouldRetry(ctx('boom', { severity: 'critical' }))).toBe(false);
    expect(mem.shouldRetry(ctx('boom', { retry_count: 2 }))).toBe(false);
    usage = 0.8;
    expect(mem.shouldRetry(ctx('boom'))).toBe(true); // not above
    usage = 0.81;
    expect(mem.shouldRetry(ctx('boom'))).toBe(false);
  });
  it('defaults to 0.8 and the node:os reader (a fraction in [0, 1])', () => {
    const s = new MemoryAwareRetryStrategy();
    expect(s.memoryThreshold).toBe(0.8);
    const u = systemMemoryUsage();
    expect(u).toBeGreaterThanOrEqual(0);
    expect(u).toBeLessThanOrEqual(1);
    expect(() => new MemoryAwareRetryStrategy({}, 1.5)).toThrow(/memory_threshold/);
  });
});

describe('AdaptiveRetryStrategy', () => {
  it('builds patterns from the type name and the key terms', () => {
    const a = new AdaptiveRetryStrategy();
    expect(a.extractErrorPattern(new TypeError('Connection timeout: permission denied'))).toBe(
      'TypeError:connection:timeout:permission',
    );
    expect(a.extractErrorPattern(new Error('nothing'))).toBe('Error:');
  });

  it('lowers its limit to 2 above an 0.8 failure rate and raises it (to at most 5) below 0.3', () => {
    const a = new AdaptiveRetryStrategy({ max_retries: 4 });
    const failing = new Error('connection reset');
    const pattern = a.extractErrorPattern(failing);
    // Unseen pattern: rate 0.5, no change.
    expect(a.shouldRetry({ error: failing })).toBe(true);
    expect(a.maxRetries).toBe(4);
    a.recordFailure(pattern);
    expect(a.shouldRetry({ error: failing })).toBe(true);
    expect(a.maxRetries).toBe(2);
    expect(a.shouldRetry({ error: failing, retry_count: 2 })).toBe(false);
    for (let i = 0; i < 9; i++) a.recordSuccess(pattern);
    expect(a.shouldRetry({ error: failing })).toBe(true); // rate 0.1
    expect(a.shouldRetry({ error: failing })).toBe(true);
    expect(a.shouldRetry({ error: failing })).toBe(true);
    expect(a.shouldRetry({ error: failing })).toBe(true);
    expect(a.maxRetries).toBe(5);
    expect(a.shouldRetry({ error: failing, severity: 'critical' })).toBe(false);
  });

  it('never changes the shared config (the legacy strategy wrote max_retries into it)', () => {
    const shared = DEFAULT_RETRY_CONFIGS.llm_request;
    const a = retryManager.getStrategy(OperationType.LLM_REQUEST, 'adaptive-a') as AdaptiveRetryStrategy;
    const b = retryManager.getStrategy(OperationType.LLM_REQUEST, 'adaptive-b') as AdaptiveRetryStrategy;
    const error = new Error('timeout');
    a.recordFailure(a.extractErrorPattern(error));
    a.shouldRetry({ error });
    expect(a.maxRetries).toBe(2);
    expect(b.maxRetries).toBe(3);
    expect(shared.max_retries).toBe(3);
    expect(Object.isFrozen(a.config)).toBe(true);
    expect(a.config.max_retries).toBe(3);
  });
});

describe('RetryStrategyFactory.createStrategy', () => {
  it.each([
    [OperationType.DATABASE_READ, DatabaseRetryStrategy],
    [OperationType.DATABASE_WRITE, DatabaseRetryStrategy],
    [OperationType.EXTERNAL_API, ApiRetryStrategy],
    [OperationType.AGENT_EXECUTION, MemoryAwareRetryStrategy],
    [OperationType.LLM_REQUEST, AdaptiveRetryStrategy],
    [OperationType.WEBSOCKET_SEND, AdaptiveRetryStrategy],
    [OperationType.FILE_OPERATION, AdaptiveRetryStrategy],
    [OperationType.CACHE_OPERATION, AdaptiveRetryStrategy],
  ])('%s -> %o', (type, expected) => {
    const s = RetryStrategyFactory.createStrategy(type);
    expect(s.constructor).toBe(expected);
    expect(s.config).toEqual({
      max_retries: 3,
      base_delay: 1,
      max_delay: 300,
      backoff_strategy: 'exponential',
      jitter_type: 'full',
    });
    expect(s.service).toBe(`retry_strategy_${type}`);
  });
  it('rejects values that are not Era A operation types, with a suggestion', () => {
    expect(() => RetryStrategyFactory.createStrategy('api_call' as never)).toThrow(/OperationType/);
    expect(() => RetryStrategyFactory.createStrategy('database_reads' as never)).toThrow(/database_read/);
  });
});

describe('DEFAULT_RETRY_CONFIGS', () => {
  it('has the legacy numbers, frozen', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_RETRY_CONFIGS))).toEqual({
      database_read: {
        max_retries: 3,
        base_delay: 0.1,
        max_delay: 300,
        backoff_strategy: 'exponential',
        jitter_type: 'equal',
      },
      database_write: {
        max_retries: 2,
        base_delay: 0.5,
        max_delay: 300,
        backoff_strategy: 'linear',
        jitter_type: 'full',
      },
      external_api: {
        max_retries: 4,
        base_delay: 1,
        max_delay: 60,
        backoff_strategy: 'exponential',
        jitter_type: 'decorrelated',
      },
      llm_request: {
        max_retries: 3,
        base_delay: 2,
        max_delay: 120,
        backoff_strategy: 'fibonacci',
        jitter_type: 'full',
      },
      websocket_send: {
        max_retries: 2,
        base_delay: 0.1,
        max_delay: 300,
        backoff_strategy: 'fixed',
        jitter_type: 'none',
      },
      agent_execution: {
        max_retries: 2,
        base_delay: 1,
        max_delay: 300,
        backoff_strategy: 'exponential',
        jitter_type: 'equal',
      },
    });
    expect(Object.isFrozen(DEFAULT_RETRY_CONFIGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RETRY_CONFIGS.external_api)).toBe(true);
    expect(() => {
      (DEFAULT_RETRY_CONFIGS.external_api as { max_retries: number }).max_retries = 9;
    }).toThrow(TypeError);
  });
});

describe('RetryManager (retry_strategy_manager)', () => {
  it('caches one strategy per "<type>:<id or default>", built from the DEFAULT_RETRY_CONFIGS row', () => {
    const m = new RetryManager();
    const a = m.getStrategy(OperationType.DATABASE_READ);
    expect(m.getStrategy(OperationType.DATABASE_READ, '')).toBe(a);
    expect(m.getStrategy(OperationType.DATABASE_READ, null)).toBe(a);
    const b = m.getStrategy(OperationType.DATABASE_READ, 'orders');
    expect(b).not.toBe(a);
    expect(a.config).toEqual(DEFAULT_RETRY_CONFIGS.database_read);
    const file = m.getStrategy(OperationType.FILE_OPERATION); // no row: Era A defaults
    expect(file.config.max_delay).toBe(300);
    expect(file).toBeInstanceOf(AdaptiveRetryStrategy);
    expect(m.getStrategy(OperationType.EXTERNAL_API, 'stripe')).toBeInstanceOf(ApiRetryStrategy);
    expect(m.getRetryMetrics()).toEqual({
      total_metrics: {},
      active_strategies: 4,
      strategy_types: {
        'database_read:default': 'DatabaseRetryStrategy',
        'database_read:orders': 'DatabaseRetryStrategy',
        'file_operation:default': 'AdaptiveRetryStrategy',
        'external_api:stripe': 'ApiRetryStrategy',
      },
    });
  });

  it('counts attempts, successes and failures per operation type value', () => {
    const m = new RetryManager();
    m.recordRetryAttempt(OperationType.DATABASE_WRITE, true);
    m.recordRetryAttempt(OperationType.DATABASE_WRITE, false);
    m.recordRetryAttempt(OperationType.LLM_REQUEST, false);
    const metrics = m.getRetryMetrics();
    expect(metrics.total_metrics).toEqual({
      database_write: { attempts: 2, successes: 1, failures: 1 },
      llm_request: { attempts: 1, successes: 0, failures: 1 },
    });
    // A snapshot: later counts do not change it.
    m.recordRetryAttempt(OperationType.DATABASE_WRITE, true);
    expect(metrics.total_metrics.database_write?.attempts).toBe(2);
    expect(() => m.recordRetryAttempt('nope' as never, true)).toThrow(/OperationType/);
  });

  it('has one global instance', () => {
    expect(retryManager).toBeInstanceOf(RetryManager);
    expect(retryManager.getStrategy(OperationType.WEBSOCKET_SEND)).toBe(
      retryManager.getStrategy(OperationType.WEBSOCKET_SEND, 'default'),
    );
  });
});

describe('RecoveryContext (Era A)', () => {
  it('takes the legacy fields in either spelling, with the legacy defaults', async () => {
    const c = new RecoveryContext({
      operation_id: 'q',
      operation_type: OperationType.DATABASE_READ,
      error: 'x',
    });
    expect(c).toMatchObject({
      operationId: 'q',
      retryCount: 0,
      maxRetries: 3,
      severity: 'medium',
      metadata: {},
    });
    await env.clock.advance(1500);
    expect(c.elapsedTime).toBe(1.5);
    expect(new RecoveryContext({ retryCount: 2, metadata: { a: 1 } })).toMatchObject({
      retryCount: 2,
      metadata: { a: 1 },
    });
    expect(() => new RecoveryContext({ retry_count: -1 })).toThrow(/retry_count/);
    expect(() => new RecoveryContext({ retry_count: 1, retryCount: 2 })).toThrow(/retry_count/);
    expect(() => new RecoveryContext({ severity: 'fatal' as never })).toThrow(/severity/);
  });
});
