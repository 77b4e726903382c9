import { type ClassifierDomain, type OutcomeKind } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { classify } from '../classifier.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const err = (props: Record<string, unknown>, message = 'failure', name?: string): Error => {
  const e = Object.assign(new Error(message), props);
  if (name) e.name = name;
  return e;
};
const sys = (code: string): Error => err({ code }, `${code} happened`);

/** Table rows: label, value, expected kind, expected retryable. */
type Row = readonly [label: string, value: unknown, kind: OutcomeKind, retryable: boolean];
const check = (domain: ClassifierDomain, rows: readonly Row[]): void => {
  it.each(rows)('%s', (_label, value, kind, retryable) => {
    const c = classify(value, { domain, now: NOW });
    expect({ kind: c.kind, retryable: c.retryable }).toEqual({ kind, retryable });
    expect(c.reason.length).toBeGreaterThan(0);
  });
};

describe('websocket domain', () => {
  const close = (code: number): unknown => ({ code, reason: '', wasClean: false });
  check('websocket', [
    ['1006 abnormal closure', close(1006), 'transient', true],
    ['1011 server error', close(1011), 'transient', true],
    ['1012 service restart', close(1012), 'transient', true],
    ['1013 try again later', close(1013), 'overloaded', true],
    ['1001 going away', close(1001), 'transient', true],
    ['1008 policy violation', close(1008), 'permanent', false],
    ['1003 unsupported data', close(1003), 'permanent', false],
    ['1002 protocol error', close(1002), 'permanent', false],
    ['closeCode on an Error', err({ closeCode: 1011 }), 'transient', true],
    ['ws WS_ERR_INVALID_CLOSE_CODE', sys('WS_ERR_INVALID_CLOSE_CODE'), 'permanent', false],
    ['ECONNREFUSED on connect', sys('ECONNREFUSED'), 'transient', true],
  ]);
});
