import {
  DEFAULT_CIRCUIT_BREAKER_CONFIG,
  parseCircuitBreakerConfig,
  RelConfigError,
  systemClock,
  systemRandom,
  type CircuitBreakerConfig,
  type CircuitBreakerConfigInput,
  type Clock,
  type Random,
  type ValidationIssue,
} from '@rel/config';
import { defaultClassify, type OutcomeClassifier } from './classify.js';
import type { CircuitStateStore } from './store.js';

/**
 * Collaborators of a {@link UnifiedCircuitBreaker}; every one has a production default.
 *
 * @example
 * ```ts
 * new UnifiedCircuitBreaker('llm', LLM_CIRCUIT_BREAKER, { clock: new FakeClock(), random: seededRandom(1) });
 * ```
 */
export interface CircuitBreakerOptions {
  /** Time source for open times, leases, windows and durations. @defaultValue `systemClock` */
  readonly clock?: Clock;
  /** Random source for the open-time jitter. @defaultValue `systemRandom` */
  readonly random?: Random;
  /** How `execute()`/`tryExecute()` read a thrown value. @defaultValue the shared classifier */
  readonly classify?: OutcomeClassifier;
  /** Where the state is saved on every transition and loaded from by `load()`. @defaultValue none */
  readonly store?: CircuitStateStore;
  /**
   * How long a half-open probe may run before it is treated as timed out (ms): its slot is
   * freed and, when `timeout` is in `failureKinds`, the breaker opens again. A report that
   * arrives later is ignored. This is what keeps half-open from waiting forever on a probe
   * whose caller never reports back.
   * @defaultValue `config.openMs`
   */
  readonly probeLeaseMs?: number;
  /**
   * Whether `execute()` and `tryExecute()` time each call (two clock reads) so that slow
   * calls show in `status().slowCalls`. The `slow_call` strategy always does (it decides on
   * durations); others skip it by default, because the success path is otherwise cheaper
   * than the two reads. Durations reported through `release()` are always counted.
   * @defaultValue `true` for the `slow_call` strategy, else `false`
   */
  readonly measureDurations?: boolean;
}

/** Options with every default applied. @internal */
export interface ResolvedOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly classify: OutcomeClassifier;
  readonly store: CircuitStateStore | undefined;
  readonly probeLeaseMs: number;
  readonly measureDurations: boolean;
}

// Frozen inputs (the domain policies, a registry's shared config) are parsed once.
const parsed = new WeakMap<object, CircuitBreakerConfig>();

/**
 * Validates and completes a breaker configuration. A frozen input is cached: it cannot
 * change, and 10,000 breakers sharing one policy then share one config object.
 * @internal
 */
export function resolveConfig(
  input?: CircuitBreakerConfig | CircuitBreakerConfigInput,
): CircuitBreakerConfig {
  // The defaults are already complete, validated and frozen.
  if (input === undefined) return DEFAULT_CIRCUIT_BREAKER_CONFIG;
  const cacheable =
    typeof input === 'object' &&
    input !== null &&
    Object.isFrozen(input) &&
    (input.failureKinds === undefined || Object.isFrozen(input.failureKinds));
  const hit = cacheable ? parsed.get(input) : undefined;
  if (hit !== undefined) return hit;
  const config = parseCircuitBreakerConfig(input);
  if (cacheable) parsed.set(input, config);
  return config;
}

/** Validates the name and the options; applies defaults. @internal */
export function resolveOptions(
  name: unknown,
  config: CircuitBreakerConfig,
  options: CircuitBreakerOptions,
): ResolvedOptions {
  const issues: ValidationIssue[] = [];
  if (typeof name !== 'string' || name.length === 0) {
    issues.push({ path: 'name', received: name, expected: 'a non-empty string' });
  }
  const lease = options.probeLeaseMs ?? config.openMs;
  if (typeof lease !== 'number' || !Number.isFinite(lease) || lease <= 0) {
    issues.push({ path: 'probeLeaseMs', received: lease, expected: 'a finite number of ms > 0' });
  }
  const isFn = (value: unknown): boolean => typeof value === 'function';
  const has = (value: unknown, ...keys: string[]): boolean =>
    typeof value === 'object' &&
    value !== null &&
    keys.every((k) => isFn((value as Record<string, unknown>)[k]));
  const check = (key: keyof CircuitBreakerOptions, ok: boolean, expected: string): void => {
    if (options[key] !== undefined && !ok) issues.push({ path: key, received: options[key], expected });
  };
  check(
    'clock',
    has(options.clock, 'now', 'setTimeout', 'clearTimeout'),
    'a Clock { now, setTimeout, clearTimeout }',
  );
  check('random', isFn(options.random), 'a function returning numbers in [0, 1)');
  check('classify', isFn(options.classify), 'a function (error) => OutcomeKind');
  check('store', has(options.store, 'load', 'save'), 'a CircuitStateStore { load, save }');
  const slowCall = config.strategy === 'slow_call';
  if (options.measureDurations !== undefined && typeof options.measureDurations !== 'boolean') {
    issues.push({ path: 'measureDurations', received: options.measureDurations, expected: 'a boolean' });
  } else if (slowCall && options.measureDurations === false) {
    issues.push({
      path: 'measureDurations',
      received: false,
      expected: 'true or nothing with the "slow_call" strategy (it decides on durations)',
    });
  }
  if (issues.length > 0) throw new RelConfigError(issues, 'circuit breaker options');
  return {
    clock: options.clock ?? systemClock,
    random: options.random ?? systemRandom,
    classify: options.classify ?? defaultClassify,
    store: options.store,
    probeLeaseMs: lease,
    measureDurations: options.measureDurations ?? slowCall,
  };
}
