import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSecretKey, toWireJson, toWireRecord } from './wire-json.js';

describe('toWireJson', () => {
  it('redacts values under credential keys, whatever their spelling, and keeps look-alikes', () => {
    expect(
      toWireJson({
        q: 'weather',
        apiKey: 'sk-1',
        headers: { Authorization: 'Bearer x', 'X-Api-Key': 'k', cookie: 'c' },
        nested: [{ password: 'p', refresh_token: 't' }],
        max_tokens: 512,
        tokens_used: 9,
      }),
    ).toEqual({
      q: 'weather',
      apiKey: '[REDACTED]',
      headers: { Authorization: '[REDACTED]', 'X-Api-Key': '[REDACTED]', cookie: '[REDACTED]' },
      nested: [{ password: '[REDACTED]', refresh_token: '[REDACTED]' }],
      max_tokens: 512,
      tokens_used: 9,
    });
    expect(isSecretKey('client_secret')).toBe(true);
    expect(isSecretKey('secretary')).toBe(false);
  });

  it('converts what JSON cannot carry', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(
      toWireJson({
        big: 12n,
        when: new Date('2026-01-01T00:00:00Z'),
        bad: new Date(Number.NaN),
        err: Object.assign(new TypeError('boom'), { code: 'E_BOOM' }),
        inf: Infinity,
        fn: () => 1,
        sym: Symbol('s'),
        undef: undefined,
        map: new Map([['a', 1]]),
        set: new Set([1, 2]),
        cyclic,
        withJson: { toJSON: () => ({ v: 1 }) },
      }),
    ).toEqual({
      big: '12',
      when: '2026-01-01T00:00:00.000Z',
      bad: null,
      err: { name: 'TypeError', message: 'boom', code: 'E_BOOM' },
      inf: 'Infinity',
      map: { a: 1 },
      set: [1, 2],
      cyclic: { name: 'loop', self: '[Circular]' },
      withJson: { v: 1 },
    });
    expect(toWireJson([undefined, () => 1])).toEqual([null, null]);
  });

  it('bounds strings, arrays, keys and depth', () => {
    const out = toWireJson(
      {
        s: 'x'.repeat(20),
        a: Array.from({ length: 5 }, (_, i) => i),
        deep: { l1: { l2: { l3: 1 } } },
        k1: 1,
        k2: 2,
      },
      { maxString: 4, maxItems: 3, maxKeys: 4, maxDepth: 2 },
    );
    expect(out).toEqual({
      s: 'xxxx…',
      a: [0, 1, 2, '… 2 more'],
      deep: { l1: '[Object]' },
      k1: 1,
      '…': '1 more keys',
    });
  });

  it('toWireRecord keeps objects and wraps anything else', () => {
    expect(toWireRecord({ a: 1 })).toEqual({ a: 1 });
    expect(toWireRecord([1])).toEqual({ value: [1] });
    expect(toWireRecord('text')).toEqual({ value: 'text' });
    expect(toWireRecord(undefined)).toEqual({});
  });

  it('property: the output of any value is plain JSON (it survives a JSON round trip unchanged)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
        }),
        (value) => {
          const out = toWireJson(value);
          if (out === undefined) return;
          expect(JSON.parse(JSON.stringify(out))).toEqual(out);
        },
      ),
      { numRuns: 300 },
    );
  });
});
