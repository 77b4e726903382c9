import { isRelError, systemClock } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { resolveClientOptions } from './client-options.js';

describe('resolveClientOptions', () => {
  it('fills in defaults', () => {
    const o = resolveClientOptions({ url: 'ws://127.0.0.1:1/', token: 't', WebSocket });
    expect(o).toMatchObject({
      reconnect: { baseDelayMs: 500, maxDelayMs: 30_000, multiplier: 2, maxAttempts: Infinity },
      pingIntervalMs: 25_000,
      validate: true,
      threadIds: [],
      lastSeq: undefined,
    });
    expect(o.clock).toBe(systemClock);
  });

  it('names every bad field, and a missing WebSocket constructor on runtimes without one', () => {
    const text = (input: unknown): string => {
      try {
        resolveClientOptions(input as never);
        return 'ok';
      } catch (error) {
        expect(isRelError(error, 'REL_CONFIG_INVALID')).toBe(true);
        return String(error);
      }
    };
    const bad = text({ url: 'http://x/', token: '', lastSeq: -1, reconnect: { multiplier: 0.5 }, WebSocket });
    for (const field of ['url', 'token', 'lastSeq', 'reconnect.multiplier']) expect(bad).toContain(field);
    const hasGlobal = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function';
    expect(text({ url: 'ws://x/', token: 't' })).toEqual(
      hasGlobal ? 'ok' : expect.stringContaining('WebSocket: received nothing'),
    );
  });
});
