// Functions and classes have no stable text form, so each gets a process-unique number on
// first sight; the signature of a configuration holding one names it by that number.
const ids = new WeakMap<object, number>();
let next = 1;

function idOf(value: object): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = next++;
    ids.set(value, id);
  }
  return id;
}

/**
 * A text key for a legacy configuration: equal for equal settings, different as soon as
 * a number, a name or the identity of a function (a random source, an error class, a
 * classifier) differs.
 *
 * @example
 * ```ts
 * signatureOf(['retry_manager', 3, 1.0, isConnectionError]); // '["retry_manager",3,1,"fn#7"]'
 * ```
 * @internal
 */
export function signatureOf(parts: readonly unknown[]): string {
  return JSON.stringify(parts, (_key, value: unknown) => {
    if (typeof value === 'function') return `fn#${idOf(value)}`;
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    if (typeof value === 'symbol' || typeof value === 'bigint') return String(value);
    return value;
  });
}
