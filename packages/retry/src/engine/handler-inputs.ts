import {
  DEFAULT_RETRY_CONFIG,
  parseRetryConfig,
  RelConfigError,
  RetryConfigSchema,
  systemClock,
  systemRandom,
  type Clock,
  type Random,
  type RetryConfig,
  type RetryConfigInput,
  type ValidationIssue,
} from '@rel/config';
import type { AttemptGate } from '../admission.js';
import { defaultBudgetStore } from '../budget/budget-store.js';
import type { BudgetStore, RetryBudget } from '../budget/types.js';
import { createClassifier } from '../classify/classifier.js';
import type { Classifier } from '../classify/types.js';
import type { CallSettings } from './core.js';
import type { ExecuteOptions } from './types.js';

/**
 * Options of `new UnifiedRetryHandler(name, config, options)`: the injected parts.
 *
 * @example
 * ```ts
 * new UnifiedRetryHandler('openai', LLM_RETRY_POLICY, { gate: breaker, clock: new FakeClock() });
 * ```
 */
export interface RetryHandlerOptions {
  /** Time source. @defaultValue `systemClock` */
  readonly clock?: Clock;
  /** Random source for jitter. @defaultValue `systemRandom` */
  readonly random?: Random;
  /** Admission gate checked before every attempt (a circuit breaker). @defaultValue none */
  readonly gate?: AttemptGate;
  /**
   * The retry budget itself, or the store to find it in by key (`config.budget.key ??
   * serviceName`). Ignored when `config.budget` is `false`. @defaultValue `defaultBudgetStore()`
   */
  readonly budget?: RetryBudget | BudgetStore;
  /** Classifier. @defaultValue `createClassifier({ domain: config.classifier, retryOn, neverRetryOn })` */
  readonly classifier?: Classifier;
}

/** The resolved inputs of a handler. @internal */
export interface HandlerInputs {
  readonly config: RetryConfig;
  readonly clock: Clock;
  readonly random: Random;
  readonly gate: AttemptGate | undefined;
  readonly budget: RetryBudget | undefined;
  readonly classifier: Classifier;
}

const OPTION_KEYS = ['clock', 'random', 'gate', 'budget', 'classifier'];

// `systemClock.now()` reads `performance.timeOrigin` on every call; it is a constant and its
// getter costs ~15 ns, a tenth of a whole fast-path call. Same clock, origin read once.
let fastSystem: Clock | undefined;
function systemClockFast(): Clock {
  if (fastSystem === undefined) {
    const origin = performance.timeOrigin;
    fastSystem = Object.freeze({
      now: () => origin + performance.now(),
      setTimeout: (callback: () => void, ms: number) => systemClock.setTimeout(callback, ms),
      clearTimeout: (handle: unknown) => systemClock.clearTimeout(handle),
    });
  }
  return fastSystem;
}
const hasFns = (value: unknown, names: readonly string[]): boolean =>
  typeof value === 'object' &&
  value !== null &&
  names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');

/**
 * A complete, frozen policy (`LLM_RETRY_POLICY`, or the result of `parseRetryConfig`) is
 * used as it is, after one validation; anything else is parsed as a partial input over the
 * defaults. Either way the given object is never mutated.
 */
function resolveConfig(input: RetryConfig | RetryConfigInput | undefined): RetryConfig {
  if (input === undefined) return DEFAULT_RETRY_CONFIG;
  if (Object.isFrozen(input) && RetryConfigSchema.safeParse(input).success) return input as RetryConfig;
  return parseRetryConfig(input);
}

/** Validates and resolves everything a handler is built from. @internal */
export function resolveHandlerInputs(
  serviceName: unknown,
  configInput: RetryConfig | RetryConfigInput | undefined,
  options: RetryHandlerOptions | undefined,
): HandlerInputs {
  const issues: ValidationIssue[] = [];
  if (typeof serviceName !== 'string' || serviceName.trim() === '') {
    issues.push({ path: 'serviceName', received: serviceName, expected: 'a non-empty string' });
  }
  const o = (options ?? {}) as Record<string, unknown>;
  if (typeof o !== 'object' || o === null) {
    issues.push({ path: 'options', received: options, expected: 'an object' });
  } else {
    for (const key of Object.keys(o)) {
      if (!OPTION_KEYS.includes(key)) {
        issues.push({
          path: `options.${key}`,
          received: o[key],
          expected: `allowed keys: ${OPTION_KEYS.join(', ')}`,
          unknownKey: true,
        });
      }
    }
    const check = (key: string, ok: boolean, expected: string): void => {
      if (o[key] !== undefined && !ok) issues.push({ path: `options.${key}`, received: o[key], expected });
    };
    check(
      'clock',
      hasFns(o.clock, ['now', 'setTimeout', 'clearTimeout']),
      'a Clock { now, setTimeout, clearTimeout }',
    );
    check('random', typeof o.random === 'function', 'a function returning a number in [0, 1)');
    check(
      'gate',
      hasFns(o.gate, ['tryAcquire', 'retryAfterMs', 'release']),
      'an AttemptGate { tryAcquire, retryAfterMs, release }',
    );
    check(
      'budget',
      hasFns(o.budget, ['deposit', 'tryWithdraw', 'available']) || hasFns(o.budget, ['get']),
      'a RetryBudget { deposit, tryWithdraw, available } or a BudgetStore { get }',
    );
    check(
      'classifier',
      typeof o.classifier === 'function',
      'a classifier function (value) => Classification',
    );
  }
  if (issues.length > 0) throw new RelConfigError(issues, 'retry handler options');

  const config = resolveConfig(configInput);
  const opts = options ?? {};
  let budget: RetryBudget | undefined;
  if (config.budget !== false) {
    const given = opts.budget;
    if (given !== undefined && 'tryWithdraw' in given) budget = given;
    else {
      const { key, ...settings } = config.budget;
      budget = (given ?? defaultBudgetStore()).get(key ?? (serviceName as string), settings);
    }
  }
  const classifier =
    opts.classifier ??
    createClassifier({
      domain: config.classifier,
      ...(config.retryOn ? { retryOn: config.retryOn } : {}),
      ...(config.neverRetryOn ? { neverRetryOn: config.neverRetryOn } : {}),
    });
  return {
    config,
    clock: opts.clock === undefined || opts.clock === systemClock ? systemClockFast() : opts.clock,
    random: opts.random ?? systemRandom,
    gate: opts.gate,
    budget,
    classifier,
  };
}

const CALL_KEYS = new Set(['signal', 'operation', 'totalTimeoutMs', 'attemptTimeoutMs', 'onRetry']);
const isMs = (v: unknown): boolean => typeof v === 'number' && v > 0 && v <= 86_400_000;

/**
 * Per-call options over the handler's defaults. Cheap on purpose (it runs per call): a
 * few type checks, no schema. Returns a {@link RelConfigError} instead of throwing so
 * each entry point can report it its own way.
 * @internal
 */
export function resolveCallSettings(
  defaults: CallSettings,
  opts: ExecuteOptions,
): CallSettings | RelConfigError {
  const issues: ValidationIssue[] = [];
  for (const key in opts) {
    if (!CALL_KEYS.has(key)) {
      issues.push({
        path: key,
        received: (opts as Record<string, unknown>)[key],
        expected: `allowed keys: ${[...CALL_KEYS].join(', ')}`,
        unknownKey: true,
      });
    }
  }
  const { signal, operation, totalTimeoutMs, attemptTimeoutMs, onRetry } = opts;
  if (
    signal !== undefined &&
    (typeof signal !== 'object' || signal === null || typeof signal.addEventListener !== 'function')
  ) {
    issues.push({ path: 'signal', received: signal, expected: 'an AbortSignal' });
  }
  if (operation !== undefined && typeof operation !== 'string') {
    issues.push({ path: 'operation', received: operation, expected: 'a string' });
  }
  if (totalTimeoutMs !== undefined && !isMs(totalTimeoutMs)) {
    issues.push({
      path: 'totalTimeoutMs',
      received: totalTimeoutMs,
      expected: 'a number of ms > 0 and <= 86400000',
    });
  }
  if (attemptTimeoutMs !== undefined && !isMs(attemptTimeoutMs)) {
    issues.push({
      path: 'attemptTimeoutMs',
      received: attemptTimeoutMs,
      expected: 'a number of ms > 0 and <= 86400000',
    });
  }
  if (onRetry !== undefined && typeof onRetry !== 'function') {
    issues.push({ path: 'onRetry', received: onRetry, expected: 'a function (event) => void' });
  }
  if (issues.length > 0) return new RelConfigError(issues, 'execute options');
  return {
    signal,
    operation,
    totalTimeoutMs: totalTimeoutMs ?? defaults.totalTimeoutMs,
    attemptTimeoutMs: attemptTimeoutMs ?? defaults.attemptTimeoutMs,
    onRetry,
  };
}
