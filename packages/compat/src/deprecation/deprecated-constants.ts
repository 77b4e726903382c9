import type { DeprecationCode } from './registry.js';
import { useLegacy } from './warn-once.js';

/**
 * A frozen copy of `values` whose every read counts as a use of the legacy name `code`
 * (and warns the first time), so a legacy enum warns when a call site uses it, not when a
 * module imports it. Keys stay enumerable: `Object.values()` and JSON work as before.
 *
 * @example
 * ```ts
 * export const BackoffStrategy = deprecatedConstants({ FIXED: 'fixed' } as const, 'REL_DEP002');
 * BackoffStrategy.FIXED; // 'fixed', and a DeprecationWarning REL_DEP002 on first use
 * ```
 * @internal
 */
export function deprecatedConstants<T extends Record<string, unknown>>(values: T, code: DeprecationCode): T {
  const out = {} as T;
  for (const key of Object.keys(values) as (keyof T)[]) {
    const value = values[key];
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => {
        useLegacy(code);
        return value;
      },
    });
  }
  return Object.freeze(out);
}
