import { DEPRECATIONS, type Deprecation, type DeprecationCode } from './registry.js';
import { countUse, deprecationState } from './usage.js';

/**
 * The message of a deprecation warning: the legacy name, its replacement and the removal version.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function deprecationMessage(d: Deprecation): string {
  return `${d.name} (@rel/compat/${d.module}) is deprecated and will be removed in @rel/compat ${d.removeIn}; use ${d.replacement}.`;
}

interface WarningProcess {
  readonly noDeprecation?: boolean;
  emitWarning?(message: string, options: { type: string; code: string; detail: string }): void;
}

function emit(d: Deprecation): void {
  const proc = (globalThis as { process?: WarningProcess }).process;
  const detail = 'See the migration table in the @rel/compat README, or run the @rel codemod.';
  if (typeof proc?.emitWarning === 'function') {
    // Node decides what a DeprecationWarning does: nothing under --no-deprecation, a stack
    // trace under --trace-deprecation, an uncaught throw under --throw-deprecation.
    proc.emitWarning(deprecationMessage(d), { type: 'DeprecationWarning', code: d.code, detail });
    return;
  }
  if (proc?.noDeprecation === true) return;
  // Outside Node (a browser bundle, an edge runtime) the console is the only channel.

  globalThis.console?.warn?.(`[DeprecationWarning] ${d.code}: ${deprecationMessage(d)}`);
}

/**
 * Records one use of a legacy name and, the first time its code is used in this process,
 * emits a `DeprecationWarning` through `process.emitWarning` with that code. Called on
 * use (construction, first call), never at import. Cheap after the first time: one map
 * lookup and one clock read.
 *
 * Under `--no-deprecation` nothing is printed; under `--throw-deprecation` Node throws the
 * warning (on the next tick), exactly as for its own deprecations.
 *
 * @example
 * ```ts
 * constructor() { useLegacy('REL_DEP001'); }
 * ```
 */
export function useLegacy(code: DeprecationCode): void {
  const state = deprecationState();
  countUse(state, code);
  if (state.emitted.has(code)) return;
  // Marked before emitting, so whatever the emit does, the code is warned about once.
  state.emitted.add(code);
  emit(DEPRECATIONS[code]);
}

/** True when the warning of `code` has been emitted in this process. */
export function hasWarned(code: DeprecationCode): boolean {
  return deprecationState().emitted.has(code);
}
