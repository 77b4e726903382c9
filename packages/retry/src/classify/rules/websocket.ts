import type { OutcomeKind } from '@rel/config';
import { verdict } from '../verdict.js';
import type { Classification, ErrorFacts } from '../types.js';

/**
 * The kind of a WebSocket close code. Reconnecting helps after an abnormal closure or a
 * server-side condition: 1000, 1001 (going away), 1005, 1006 (abnormal), 1011 (server
 * error), 1012 (restart), 1014 (bad gateway) are `transient` and 1013 (try again later) is
 * `overloaded`. Protocol or policy problems do not: 1002, 1003, 1007, 1008 (policy
 * violation), 1009, 1010, 1015 (TLS) are `permanent`. Application codes (4000-4999) are
 * left to the other rules.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1
 * @example
 * ```ts
 * closeCodeKind(1013); // 'overloaded'
 * ```
 */
export function closeCodeKind(code: number): OutcomeKind | undefined {
  switch (code) {
    case 1000:
    case 1001:
    case 1005:
    case 1006:
    case 1011:
    case 1012:
    case 1014:
      return 'transient';
    case 1013:
      return 'overloaded';
    case 1002:
    case 1003:
    case 1007:
    case 1008:
    case 1009:
    case 1010:
    case 1015:
      return 'permanent';
  }
  return undefined;
}

/**
 * WebSocket failures: a close code (a `CloseEvent`'s `code`, or `closeCode` on an error),
 * and the `ws` library's `WS_ERR_*` protocol errors (`permanent`).
 *
 * @example
 * ```ts
 * websocketRule({ code: 1006, reason: '', wasClean: false }, facts); // transient
 * ```
 */
export function websocketRule(_value: unknown, facts: ErrorFacts): Classification | undefined {
  if (facts.numericCode !== undefined) {
    const kind = closeCodeKind(facts.numericCode);
    if (kind !== undefined) return verdict(kind, `WebSocket close ${facts.numericCode}`);
  }
  const wsCode = facts.codes.find((c) => c.startsWith('WS_ERR_'));
  return wsCode === undefined ? undefined : verdict('permanent', wsCode);
}
