import type { DeprecationCode } from './registry.js';

/**
 * Which legacy name a construction counts under. A legacy class normally counts (and
 * warns about) its own code when constructed; the compat layer also builds instances for
 * other names (a preset, a module-level handler, a config made from a plain object), whose
 * uses belong to that other name. The builder runs the constructor inside
 * {@link UseScope.run}, and the constructor reads {@link UseScope.code}.
 *
 * One scope per class, not one shared: a constructor that builds another legacy object
 * (a handler making its config) must not pass its scope on to it.
 *
 * @example
 * ```ts
 * const scope = new UseScope();
 * class Legacy {
 *   readonly code = scope.code ?? 'REL_DEP016';
 *   constructor() { if (scope.code === undefined) useLegacy('REL_DEP016'); }
 * }
 * const quiet = scope.run('REL_DEP071', () => new Legacy()); // counts under REL_DEP071 when used
 * ```
 * @internal
 */
export class UseScope {
  private current: DeprecationCode | undefined;

  /** The code of the construction in progress, or `undefined` for a plain use. */
  get code(): DeprecationCode | undefined {
    return this.current;
  }

  /** Runs `build` with {@link UseScope.code} set to `code`. */
  run<T>(code: DeprecationCode, build: () => T): T {
    const outer = this.current;
    this.current = code;
    try {
      return build();
    } finally {
      this.current = outer;
    }
  }
}
