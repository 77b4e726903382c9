import { isRelError, systemClock } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { resolveServerOptions } from './options.js';

const verify = { verify: () => null };

function problems(input: unknown): string {
  try {
    resolveServerOptions(input as never);
  } catch (error) {
    expect(isRelError(error, 'REL_CONFIG_INVALID')).toBe(true);
    return String(error);
  }
  throw new Error('expected a RelConfigError');
}

describe('resolveServerOptions', () => {
  it('fills in defaults, deriving the lag bounds from the replay bounds', () => {
    const o = resolveServerOptions({ verify, replay: { maxEvents: 100 } });
    expect(o).toMatchObject({
      host: '127.0.0.1',
      heartbeatMs: 30_000,
      maxPayloadBytes: 65_536,
      closeTimeoutMs: 5_000,
      requireOrigin: false,
      validateEvents: false,
      replay: {
        maxEvents: 100,
        maxAgeMs: 300_000,
        maxBytes: 16 * 1024 * 1024,
        maxTotalBytes: 256 * 1024 * 1024,
      },
      backpressure: {
        highWaterBytes: 512 * 1024,
        maxLagEvents: 50,
        maxLagBytes: 8 * 1024 * 1024,
        maxLagMs: 150_000,
        coalesce: true,
      },
    });
    expect(o.clock).toBe(systemClock);
  });

  it("bounds every buffer together: 256 MiB, raised to one buffer's bound, never below it", () => {
    const MiB = 1024 * 1024;
    expect(resolveServerOptions({ verify, replay: { maxBytes: 400 * MiB } }).replay.maxTotalBytes).toBe(
      400 * MiB,
    );
    expect(resolveServerOptions({ verify, replay: { maxTotalBytes: 32 * MiB } }).replay.maxTotalBytes).toBe(
      32 * MiB,
    );
    expect(problems({ verify, replay: { maxBytes: 8 * MiB, maxTotalBytes: MiB } })).toContain(
      `replay.maxTotalBytes: received ${MiB}; expected a number >= replay.maxBytes (${8 * MiB})`,
    );
  });

  it('lists every bad field with its value and what is allowed', () => {
    const text = problems({
      verify: {},
      heartbeatMs: -1,
      replay: { maxEvnts: 5 },
      allowedOrigins: ['not a url'],
    });
    expect(text).toContain('verify');
    expect(text).toContain('heartbeatMs: received -1; expected a number >= 0');
    expect(text).toContain('replay.maxEvnts: unknown key (did you mean "maxEvents"?)');
    expect(text).toContain(
      'allowedOrigins.0: received "not a url"; expected an origin such as "https://chat.example.com"',
    );
  });

  it('refuses lag bounds a closed client could not resume from, and both server and port', () => {
    const text = problems({ verify, replay: { maxEvents: 10 }, backpressure: { maxLagEvents: 10 } });
    expect(text).toContain(
      'backpressure.maxLagEvents: received 10; expected a number < replay.maxEvents (10)',
    );
    const server = { on: () => undefined, listen: () => undefined };
    expect(problems({ verify, server, port: 80 })).toContain('port');
  });
});
