import { RelConfigError } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseArgs } from './args.js';

describe('parseArgs', () => {
  it('defaults to the scenario, port 4800, seed 1, colour on', () => {
    expect(parseArgs([], {})).toEqual({
      serve: false,
      port: DEFAULT_PORT,
      seed: 1,
      color: true,
      verbose: false,
      help: false,
    });
  });

  it('reads --serve, --port n, --port=n, --seed, --no-color and a bare "--"', () => {
    expect(parseArgs(['--', '--serve', '--port', '4900', '--seed=7', '--no-color'], {})).toMatchObject({
      serve: true,
      port: 4900,
      seed: 7,
      color: false,
    });
    expect(parseArgs(['--port=0'], {}).port).toBe(0);
  });

  it('takes PORT from the environment, and --port wins over it', () => {
    expect(parseArgs(['--serve'], { PORT: '5100' }).port).toBe(5100);
    expect(parseArgs(['--serve', '--port', '5200'], { PORT: '5100' }).port).toBe(5200);
  });

  it('reports every bad flag at once: unknown (with a suggestion), bad values, missing values', () => {
    let error: unknown;
    try {
      parseArgs(['--serv', '--port', '99999', '--seed'], { PORT: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RelConfigError);
    const issues = (error as RelConfigError).issues;
    expect(issues.map((i) => i.path)).toEqual(['--serv', '--port', '--seed']);
    expect(issues[0]).toMatchObject({ suggestion: '--serve' });
    expect(issues[1]).toMatchObject({ received: '99999', expected: 'an integer from 0 to 65535' });
    expect(issues[2]).toMatchObject({ received: undefined });
    expect((error as Error).message).toContain('--port: received "99999"');
  });

  it('refuses a value on a switch and a bad PORT', () => {
    expect(() => parseArgs(['--serve=yes'], {})).toThrow(
      /--serve: received "--serve=yes"; expected --serve without a value/,
    );
    expect(() => parseArgs([], { PORT: '80.5' })).toThrow(/PORT: received "80.5"/);
  });
});
