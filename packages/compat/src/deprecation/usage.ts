import { systemClock, type Clock } from '@rel/config';
import type { DeprecationCode } from './registry.js';

/** How often one legacy name was used in this process. Times are clock milliseconds. */
export interface UsageRecord {
  uses: number;
  firstUsedAt: number;
  lastUsedAt: number;
}

/** Process-wide deprecation state. @internal */
export interface DeprecationState {
  /** Uses per code since the process started (or the last reset). */
  readonly usage: Map<DeprecationCode, UsageRecord>;
  /** Codes whose warning was emitted; never cleared by a reset (once per process). */
  readonly emitted: Set<DeprecationCode>;
  /** Source of the use times. */
  clock: Clock;
}

// On `globalThis` under a registry symbol: two installed copies of @rel/compat in one
// process (a hoisting accident) still warn once per code and report one migration status.
const KEY = Symbol.for('@rel/compat/deprecations');

/** The process-wide state, created on first use. @internal */
export function deprecationState(): DeprecationState {
  const holder = globalThis as { [KEY]?: DeprecationState };
  let state = holder[KEY];
  if (state === undefined) {
    state = { usage: new Map(), emitted: new Set(), clock: systemClock };
    holder[KEY] = state;
  }
  return state;
}

/** Counts one use of a legacy name (its count and its first and last use time). @internal */
export function countUse(state: DeprecationState, code: DeprecationCode): void {
  const now = state.clock.now();
  const record = state.usage.get(code);
  if (record === undefined) state.usage.set(code, { uses: 1, firstUsedAt: now, lastUsedAt: now });
  else {
    record.uses++;
    record.lastUsedAt = now;
  }
}

/**
 * Replaces the clock that stamps the first and last use of each legacy name (a fake one
 * in tests). Returns the previous clock.
 *
 * @example
 * ```ts
 * const previous = setMigrationClock(new FakeClock());
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function setMigrationClock(clock: Clock): Clock {
  const state = deprecationState();
  const previous = state.clock;
  state.clock = clock;
  return previous;
}

/**
 * Starts a new counting period for {@link getMigrationStatus}: every use count goes back
 * to zero. Warnings already emitted are not emitted again (they stay once per process).
 *
 * @example
 * ```ts
 * logMigrationSummary(log); // at the end of a reporting period
 * resetMigrationStatus();
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function resetMigrationStatus(): void {
  deprecationState().usage.clear();
}

/**
 * Forgets everything, warnings included, so a test can observe a first warning again.
 * Not exported from the package. @internal
 */
export function resetDeprecationsForTests(): void {
  const state = deprecationState();
  state.usage.clear();
  state.emitted.clear();
  state.clock = systemClock;
}
