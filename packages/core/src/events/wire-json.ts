import { REDACTED } from '../logging/logger.js';

/** Bounds of {@link toWireJson}. */
export interface WireJsonLimits {
  /** Longest string kept (longer ones are cut and end with `…`). @defaultValue 2000 */
  readonly maxString?: number;
  /** Array items kept (a last string item says how many were left out). @defaultValue 50 */
  readonly maxItems?: number;
  /** Object keys kept. @defaultValue 50 */
  readonly maxKeys?: number;
  /** Nesting depth kept (deeper values become `"[Object]"` / `"[Array]"`). @defaultValue 6 */
  readonly maxDepth?: number;
}

// Keys compared lower-cased without `-` and `_`, so `api_key`, `apiKey` and `X-Api-Key`
// all match, while `max_tokens` (an LLM parameter, not a secret) does not.
const SECRET_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'apikey',
  'xapikey',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'sessiontoken',
  'bearer',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'privatekey',
  'cookie',
  'setcookie',
]);

/** True when an object key names a credential (`apiKey`, `Authorization`, `x-api-key`, `password` ...). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));
}

/** A Map key as an object key (objects, even without a prototype, by their tag). */
function keyOf(key: unknown): string {
  if (typeof key === 'string') return key;
  if ((typeof key === 'object' && key !== null) || typeof key === 'function')
    return Object.prototype.toString.call(key);
  return String(key);
}

interface Bounds {
  readonly maxString: number;
  readonly maxItems: number;
  readonly maxKeys: number;
  readonly maxDepth: number;
  readonly seen: Set<object>;
}

function convert(value: unknown, depth: number, b: Bounds): unknown {
  switch (typeof value) {
    case 'string':
      return value.length > b.maxString ? `${value.slice(0, b.maxString)}…` : value;
    case 'number':
      // -0 is 0 in JSON; NaN and the infinities are not numbers there at all.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (value === null) return null;
  const object = value as object;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return typeof code === 'string' || typeof code === 'number'
      ? { name: value.name, message: convert(value.message, depth, b), code }
      : { name: value.name, message: convert(value.message, depth, b) };
  }
  if (b.seen.has(object)) return '[Circular]';
  if (depth >= b.maxDepth) return Array.isArray(value) ? '[Array]' : '[Object]';
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    b.seen.add(object);
    const out = convert((toJSON as () => unknown).call(value), depth, b);
    b.seen.delete(object);
    return out;
  }
  b.seen.add(object);
  try {
    if (Array.isArray(value) || value instanceof Set) {
      const items = Array.isArray(value) ? (value as unknown[]) : [...(value as Set<unknown>)];
      const out: unknown[] = [];
      const n = Math.min(items.length, b.maxItems);
      for (let i = 0; i < n; i++) out.push(convert(items[i], depth + 1, b) ?? null);
      if (items.length > n) out.push(`… ${items.length - n} more`);
      return out;
    }
    const entries: Array<[string, unknown]> =
      value instanceof Map
        ? [...(value as Map<unknown, unknown>)].map(([k, v]) => [keyOf(k), v])
        : Object.entries(object);
    const out: Record<string, unknown> = {};
    let kept = 0;
    for (const [key, v] of entries) {
      if (kept === b.maxKeys) {
        out['…'] = `${entries.length - kept} more keys`;
        break;
      }
      const converted = isSecretKey(key) ? REDACTED : convert(v, depth + 1, b);
      if (converted === undefined) continue;
      // defineProperty: a key named "__proto__" is data here, not the object's prototype.
      Object.defineProperty(out, key, {
        value: converted,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      kept++;
    }
    return out;
  } finally {
    b.seen.delete(object);
  }
}

/**
 * A JSON-safe, bounded, credential-free copy of a value for an event payload: what a
 * tool was called with or returned travels to browsers, so it must serialize (bigint,
 * Map, Set, Date, Error and cycles are converted), stay small, and never carry an API key.
 * Values under secret-looking keys (see {@link isSecretKey}) become `"[REDACTED]"`.
 *
 * @example
 * ```ts
 * toWireJson({ q: 'weather', apiKey: 'sk-1', n: 10n }); // { q: 'weather', apiKey: '[REDACTED]', n: '10' }
 * ```
 */
export function toWireJson(value: unknown, limits: WireJsonLimits = {}): unknown {
  return convert(value, 0, {
    maxString: limits.maxString ?? 2_000,
    maxItems: limits.maxItems ?? 50,
    maxKeys: limits.maxKeys ?? 50,
    maxDepth: limits.maxDepth ?? 6,
    seen: new Set(),
  });
}

/** {@link toWireJson} as a record: a plain object stays one, anything else becomes `{ value }`. */
export function toWireRecord(value: unknown, limits?: WireJsonLimits): Record<string, unknown> {
  const out = toWireJson(value, limits);
  if (typeof out === 'object' && out !== null && !Array.isArray(out)) return out as Record<string, unknown>;
  return out === undefined ? {} : { value: out };
}
