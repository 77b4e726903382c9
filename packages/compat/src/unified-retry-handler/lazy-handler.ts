import type { DeprecationCode } from '../deprecation/registry.js';
import type { LegacyRetryConfigInput } from '../legacy-config/legacy-retry-config.js';
import type { RetryConfig } from './retry-config.js';
import { handlerFor, UnifiedRetryHandler } from './unified-retry-handler.js';

// The members whose access is a use of the handler: its methods and its two public fields.
// Anything else (`then` probed by `await`, `Symbol.toStringTag`, a test runner's
// `asymmetricMatch`) reads `undefined` without creating it.
const MEMBERS: ReadonlySet<PropertyKey> = new Set<PropertyKey>([
  ...Object.getOwnPropertyNames(UnifiedRetryHandler.prototype).filter((n) => n !== 'constructor'),
  'serviceName',
  'config',
]);

/**
 * A module-level legacy handler that is created on first use instead of at import.
 *
 * Why a proxy: the legacy module built these ten handlers when it was imported, and six
 * of them registered a breaker in the global manager then. This package is
 * `sideEffects: false` and warns on use, never at import, so each handler is made (and
 * warns with its own code) the first time a member is read, by the same constructor the
 * legacy call shape uses. A proxy keeps the call shape (`databaseRetryHandler.executeWithRetry(...)`,
 * `instanceof UnifiedRetryHandler`) where a getter function would have changed it. Its
 * reliability instance (and breaker) is then made by the first call, on the default
 * manager of that moment, like any other handler's.
 *
 * @param code - the deprecation code of the module-level name.
 * @param service - the legacy service name.
 * @param policy - the legacy policy (a shared constant: the handler works on a copy).
 * @internal
 */
export function lazyHandler(
  code: DeprecationCode,
  service: string,
  policy: RetryConfig | LegacyRetryConfigInput,
): UnifiedRetryHandler {
  let handler: UnifiedRetryHandler | undefined;
  const bound = new Map<PropertyKey, unknown>();
  const real = (): UnifiedRetryHandler => {
    // Created (and warned about) once; every method call then counts its own use, as any handler's.
    handler ??= handlerFor(code, service, policy, {});
    return handler;
  };
  const target = Object.create(UnifiedRetryHandler.prototype) as UnifiedRetryHandler;
  return new Proxy(target, {
    get(_t, key) {
      if (key === 'constructor') return UnifiedRetryHandler;
      if (!MEMBERS.has(key))
        return handler === undefined ? undefined : (Reflect.get(handler, key, handler) as unknown);
      const h = real();
      const value: unknown = Reflect.get(h, key, h);
      if (typeof value !== 'function') return value;
      // Methods run on the real handler (its private fields), and keep their identity per name.
      let fn = bound.get(key);
      if (fn === undefined) {
        fn = (value as (...args: unknown[]) => unknown).bind(h);
        bound.set(key, fn);
      }
      return fn;
    },
    has(_t, key) {
      return MEMBERS.has(key) || (handler !== undefined && Reflect.has(handler, key));
    },
    set() {
      // The legacy instances were shared by every importer: replacing a member is refused.
      return false;
    },
    ownKeys() {
      return handler === undefined ? [] : Reflect.ownKeys(handler);
    },
    getOwnPropertyDescriptor(_t, key) {
      if (handler === undefined) return undefined;
      const d = Reflect.getOwnPropertyDescriptor(handler, key);
      return d === undefined ? undefined : { ...d, configurable: true };
    },
  });
}
