import {
  RegistryConflictError,
  type CircuitBreakerConfig,
  type CircuitBreakerConfigInput,
} from '@rel/config';
import { UnifiedCircuitBreaker } from './breaker.js';
import { resolveConfig, type CircuitBreakerOptions } from './options.js';
import type { CircuitStatus } from './status.js';

/** The fields of two configs that differ (failure kinds compared as sets). @internal */
export function configDifferences(a: CircuitBreakerConfig, b: CircuitBreakerConfig): string[] {
  const out: string[] = [];
  for (const key of Object.keys(a) as (keyof CircuitBreakerConfig)[]) {
    if (key === 'failureKinds') {
      const x = new Set(a.failureKinds);
      const y = new Set(b.failureKinds);
      if (x.size !== y.size || [...x].some((kind) => !y.has(kind))) {
        out.push(`failureKinds: [${a.failureKinds.join(', ')}] vs [${b.failureKinds.join(', ')}]`);
      }
    } else if (a[key] !== b[key]) {
      out.push(`${key}: ${String(a[key])} vs ${String(b[key])}`);
    }
  }
  return out;
}

/**
 * Named breakers with get-or-create semantics: one breaker per dependency, shared by every
 * caller. Asking again with an equal config returns the same instance; asking with a
 * different one throws {@link RegistryConflictError} (the legacy manager silently replaced
 * the breaker, dropping its state). The options given to the registry (clock, random,
 * classifier, store) apply to every breaker it creates.
 *
 * @example
 * ```ts
 * const breakers = new CircuitBreakerRegistry({ store });
 * const db = breakers.get('postgres', DATABASE_CIRCUIT_BREAKER);
 * breakers.get('postgres', DATABASE_CIRCUIT_BREAKER) === db; // true
 * breakers.get('postgres', { failureThreshold: 2 });          // throws RegistryConflictError
 * ```
 */
export class CircuitBreakerRegistry {
  private readonly breakers = new Map<string, UnifiedCircuitBreaker>();
  private readonly options: CircuitBreakerOptions;

  /** @param options - passed to every breaker the registry creates. */
  constructor(options: CircuitBreakerOptions = {}) {
    this.options = options;
  }

  /**
   * The breaker named `name`, created with `config` on first use. Without `config`, an
   * existing breaker is returned as is, and a new one gets the defaults.
   *
   * @throws {@link RegistryConflictError} when `name` exists with a different config.
   * @throws `RelConfigError` for an invalid config.
   */
  get(name: string, config?: CircuitBreakerConfig | CircuitBreakerConfigInput): UnifiedCircuitBreaker {
    const existing = this.breakers.get(name);
    if (existing !== undefined) {
      if (config === undefined) return existing;
      const differences = configDifferences(existing.config, resolveConfig(config));
      if (differences.length > 0)
        throw new RegistryConflictError('circuit breaker', name, differences.join('; '));
      return existing;
    }
    const breaker = new UnifiedCircuitBreaker(name, config, this.options);
    this.breakers.set(name, breaker);
    return breaker;
  }

  /** The breaker named `name`, or `undefined` (never creates one). */
  find(name: string): UnifiedCircuitBreaker | undefined {
    return this.breakers.get(name);
  }

  /** True when a breaker named `name` exists. */
  has(name: string): boolean {
    return this.breakers.has(name);
  }

  /** Removes the breaker named `name` (callers holding it keep a working breaker); true when it existed. */
  delete(name: string): boolean {
    return this.breakers.delete(name);
  }

  /** Names of every breaker, in creation order. */
  names(): string[] {
    return [...this.breakers.keys()];
  }

  /** Number of breakers. */
  get size(): number {
    return this.breakers.size;
  }

  /** `status()` of every breaker, in creation order. */
  statuses(): CircuitStatus[] {
    return [...this.breakers.values()].map((breaker) => breaker.status());
  }

  /** Resets every breaker (see `UnifiedCircuitBreaker.reset`). */
  resetAll(): void {
    for (const breaker of this.breakers.values()) breaker.reset();
  }

  /**
   * Like {@link CircuitBreakerRegistry.get}, and when this creates the breaker and the
   * registry has a store, restores the stored snapshot first: the way to get a breaker
   * that survives restarts.
   *
   * @example
   * ```ts
   * const db = await breakers.load('postgres', DATABASE_CIRCUIT_BREAKER); // open after a restart if it was open
   * ```
   */
  async load(
    name: string,
    config?: CircuitBreakerConfig | CircuitBreakerConfigInput,
  ): Promise<UnifiedCircuitBreaker> {
    const created = !this.breakers.has(name);
    const breaker = this.get(name, config);
    if (created && this.options.store !== undefined) await breaker.load();
    return breaker;
  }
}
