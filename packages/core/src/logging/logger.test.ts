import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { RelConfigError } from '@rel/config';
import { REDACT_PATHS, defaultLogger, resolveLogLevel, serviceLogger } from './logger.js';

function capture(options: pino.LoggerOptions = {}) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'debug', ...options },
    { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) },
  );
  return { lines, logger };
}

describe('logging', () => {
  it('a service child binds { service } and redacts credentials at every documented path', () => {
    const { lines, logger } = capture();
    const log = serviceLogger(logger, 'openai');
    // Every secret value contains S3CR3T: none may reach the output.
    log.warn(
      {
        authorization: 'Bearer S3CR3T-0',
        apiKey: 'S3CR3T-1',
        call: {
          apiKey: 'S3CR3T-2',
          api_key: 'S3CR3T-3',
          token: 'S3CR3T-4',
          password: 'S3CR3T-5',
          cookie: 'S3CR3T-6',
          authorization: 'S3CR3T-7',
        },
        err: {
          message: 'request failed',
          headers: { authorization: 'Bearer S3CR3T-8', cookie: 'S3CR3T-9', 'x-api-key': 'S3CR3T-10' },
          config: { headers: { Authorization: 'Bearer S3CR3T-11' } },
        },
        params: {
          query: 'cats',
          accessToken: 'S3CR3T-12',
          refresh_token: 'S3CR3T-13',
          secret: 'S3CR3T-14',
          clientSecret: 'S3CR3T-15',
        },
      },
      'call failed',
    );
    const line = lines[0]!;
    expect(line.service).toBe('openai');
    expect(JSON.stringify(line)).not.toContain('S3CR3T');
    expect(line.call).toEqual({
      apiKey: '[REDACTED]',
      api_key: '[REDACTED]',
      token: '[REDACTED]',
      password: '[REDACTED]',
      cookie: '[REDACTED]',
      authorization: '[REDACTED]',
    });
    expect((line.params as Record<string, unknown>).query).toBe('cats');
    expect((line.err as { message: string }).message).toBe('request failed');
  });

  it('redacts errors logged under err (pino serializer) that carry request headers', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('401 Unauthorized'), {
      headers: { authorization: 'Bearer leaked' },
      config: { headers: { authorization: 'Bearer leaked2' } },
    });
    serviceLogger(logger, 'api').error({ err: error }, 'failed');
    expect(JSON.stringify(lines[0])).not.toContain('leaked');
    expect(lines[0]!.err).toMatchObject({
      message: '401 Unauthorized',
      headers: { authorization: '[REDACTED]' },
    });
  });

  it('adds extra paths, and overrides a parent whose own redaction would let them through', () => {
    const { lines, logger } = capture({ redact: ['nothing'] });
    serviceLogger(logger, 'db', ['conn.dsn']).info(
      { conn: { dsn: 'postgres://u:pw@h/db' }, token: 'x' },
      'connected',
    );
    expect(lines[0]).toMatchObject({ conn: { dsn: '[REDACTED]' }, token: '[REDACTED]' });
  });

  it('the default logger is created once, honours LOG_LEVEL and redacts', () => {
    const a = defaultLogger();
    expect(defaultLogger()).toBe(a);
    expect(a.level).toBe(process.env['LOG_LEVEL'] ?? 'info');
    expect(REDACT_PATHS).toContain('*.headers.authorization');
  });

  it('LOG_LEVEL: unset means info; a typo is a RelConfigError naming it and the levels', () => {
    expect(resolveLogLevel(undefined)).toBe('info');
    expect(resolveLogLevel('')).toBe('info');
    expect(resolveLogLevel('debug')).toBe('debug');
    expect(resolveLogLevel('silent')).toBe('silent');
    expect(() => resolveLogLevel('verbose')).toThrow(RelConfigError);
    expect(() => resolveLogLevel('verbose')).toThrow(
      /LOG_LEVEL: received "verbose"; expected one of "trace" \| "debug"/,
    );
  });
});
