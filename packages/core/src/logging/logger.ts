import { RelConfigError } from '@rel/config';
import { pino, type Logger } from 'pino';

/**
 * Paths that every @rel log line redacts (pino `redact`, censor `[REDACTED]`): credentials
 * that reach logs through errors (an HTTP client error carries its request headers),
 * tool parameters and call context. `*` is one level of nesting, so both
 * `{ apiKey }` in a logged object and `{ err: { config: { headers: { authorization } } } }`
 * are covered.
 */
export const REDACT_PATHS: readonly string[] = Object.freeze([
  'authorization',
  'apiKey',
  'api_key',
  'token',
  'password',
  'cookie',
  '*.authorization',
  '*.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-api-key"]',
  '*.headers["api-key"]',
  '*.config.headers.authorization',
  '*.config.headers.Authorization',
  '*.request.headers.authorization',
  '*.apiKey',
  '*.api_key',
  '*.accessToken',
  '*.access_token',
  '*.refreshToken',
  '*.refresh_token',
  '*.token',
  '*.secret',
  '*.clientSecret',
  '*.client_secret',
  '*.password',
  '*.cookie',
  '*.*.apiKey',
  '*.*.api_key',
  '*.*.token',
  '*.*.password',
  '*.*.authorization',
]);

/** What replaces a redacted value. */
export const REDACTED = '[REDACTED]';

let processLogger: Logger | undefined;

/**
 * The logger used when none is injected: `pino({ level: process.env.LOG_LEVEL ?? 'info' })`
 * with {@link REDACT_PATHS}, created on first use (a process that injects its own logger
 * never builds it) and shared by every manager of the process. An unknown `LOG_LEVEL`
 * throws `RelConfigError` naming it and the allowed levels.
 *
 * @example
 * ```ts
 * // LOG_LEVEL=debug node app.js  -> retries and rejections show at debug level too
 * defaultLogger().info('started');
 * ```
 */
export function defaultLogger(): Logger {
  return (processLogger ??= pino({
    name: 'rel',
    level: resolveLogLevel(globalThis.process?.env['LOG_LEVEL']),
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
  }));
}

/**
 * `LOG_LEVEL` checked against pino's levels (unset or empty: `info`), so a typo is named
 * rather than a crash inside pino. @internal
 */
export function resolveLogLevel(value: string | undefined): string {
  if (value === undefined || value === '') return 'info';
  const levels = [...Object.keys(pino.levels.values), 'silent'];
  if (levels.includes(value)) return value;
  throw new RelConfigError(
    [{ path: 'LOG_LEVEL', received: value, expected: `one of ${levels.map((l) => `"${l}"`).join(' | ')}` }],
    'environment',
  );
}

/**
 * A child of `parent` bound to `{ service }` that redacts {@link REDACT_PATHS} (plus
 * `extraPaths`) whatever the parent was configured with, so an injected logger cannot
 * leak credentials through @rel's own lines. Note that pino replaces (does not merge) the
 * parent's redaction in a child: give your own paths as `extraPaths` (the manager's
 * `redact` option) to keep them.
 *
 * @example
 * ```ts
 * const log = serviceLogger(pino(), 'openai');
 * log.warn({ err, headers: { authorization: 'Bearer sk-...' } }, 'call failed'); // authorization: "[REDACTED]"
 * ```
 */
export function serviceLogger(parent: Logger, service: string, extraPaths: readonly string[] = []): Logger {
  return parent.child({ service }, { redact: { paths: [...REDACT_PATHS, ...extraPaths], censor: REDACTED } });
}
