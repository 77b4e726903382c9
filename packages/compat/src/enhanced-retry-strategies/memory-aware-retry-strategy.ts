import { RelConfigError } from '@rel/config';
import type { DeprecationCode } from '../deprecation/registry.js';
import { useLegacy } from '../deprecation/warn-once.js';
import type { EnhancedRetryConfig } from './enhanced-retry-config.js';
import { EnhancedRetryStrategy, type StrategyOptions } from './enhanced-retry-strategy.js';
import { CRITICAL } from './error-severity.js';
import { systemMemoryUsage, type MemoryUsageReader } from './memory-usage.js';
import { lowerMessage } from './message-terms.js';
import { toContext, type RecoveryContextLike } from './recovery-context.js';
import type { StrategyConfigInput } from './strategy-config.js';

/**
 * Options of `MemoryAwareRetryStrategy`: the strategy options plus the memory reader.
 * @deprecated Use a bulkhead of a reliability profile (`@rel/config`). Removed in 2.0.0 (REL_DEP052).
 */
export interface MemoryAwareStrategyOptions extends StrategyOptions {
  /** Memory in use, as a fraction in [0, 1]. @defaultValue {@link systemMemoryUsage} (`node:os`, 0.5 outside Node) */
  readonly memoryUsage?: MemoryUsageReader;
}

/**
 * The Era A `MemoryAwareRetryStrategy(config, memory_threshold = 0.8)`
 * (core/retry_strategy_memory). `shouldRetry(context)`:
 * 1. `retryCount >= max_retries` → no;
 * 2. memory in use above `memoryThreshold` → no (read on every decision, from the
 *    injectable `memoryUsage` reader; by default `node:os`, see {@link systemMemoryUsage});
 * 3. the lower-cased message contains `memory` → no;
 * 4. severity `critical` → no; otherwise yes.
 *
 * @deprecated Bound concurrent work with a bulkhead (`bulkhead` of a reliability profile,
 * `@rel/config`) and use `AGENT_RELIABILITY_PROFILE` with `getDefaultManager().get(name,
 * profile)` from `@rel/core`. Removed in 2.0.0 (REL_DEP052).
 * @example
 * ```ts
 * const agents = new MemoryAwareRetryStrategy(DEFAULT_RETRY_CONFIGS.agent_execution, 0.9);
 * await agents.executeWithRetry(() => agent.run(task), { operation_id: task.id });
 * ```
 */
export class MemoryAwareRetryStrategy extends EnhancedRetryStrategy {
  /** The fraction of memory in use above which no retry is made. */
  readonly memoryThreshold: number;
  private readonly memoryUsage: MemoryUsageReader;

  /**
   * @param memoryThreshold - in [0, 1]. @defaultValue 0.8
   * @throws {@link RelConfigError} naming every bad value.
   */
  constructor(
    config?: StrategyConfigInput | EnhancedRetryConfig,
    memoryThreshold = 0.8,
    options: MemoryAwareStrategyOptions = {},
  ) {
    super(config, options);
    if (!(typeof memoryThreshold === 'number' && memoryThreshold >= 0 && memoryThreshold <= 1)) {
      throw new RelConfigError(
        [{ path: 'memory_threshold', received: memoryThreshold, expected: 'a number in [0, 1]' }],
        'MemoryAwareRetryStrategy',
      );
    }
    this.memoryThreshold = memoryThreshold;
    this.memoryUsage = options.memoryUsage ?? systemMemoryUsage;
  }

  /** @internal */
  protected override legacyCode(): DeprecationCode {
    return 'REL_DEP052';
  }

  /** The legacy memory-aware rule (see the class docs). */
  shouldRetry(context: RecoveryContextLike): boolean {
    useLegacy(this.deprecationCode);
    const ctx = toContext(context);
    if (ctx.retryCount >= this.config.max_retries) return false;
    if (this.memoryUsage() > this.memoryThreshold) return false;
    if (lowerMessage(ctx.error).includes('memory')) return false;
    return ctx.severity !== CRITICAL;
  }
}
