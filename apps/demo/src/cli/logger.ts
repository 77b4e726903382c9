import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { build as prettyStream } from 'pino-pretty';

/** The demo's logger and where its lines go, for the closing message. */
export interface DemoLogger {
  readonly logger: Logger;
  /** A file path, or `stderr`. */
  readonly destination: string;
}

/**
 * The pino logger @rel logs through. The scenario's terminal belongs to its live view, so
 * its logs go to a JSON file (one per run, in the temp directory) unless `verbose`, which
 * pretty-prints them on stderr (pino-pretty). Serve mode pretty-prints `error` and above on
 * stderr (its terminal already shows every transition; `LOG_LEVEL=warn` adds a line per
 * fallback and breaker opening, `info` one per retry). `LOG_LEVEL` overrides the level.
 *
 * @example
 * ```ts
 * const { logger, destination } = demoLogger({ mode: 'scenario', verbose: false, color: true });
 * ```
 */
export function demoLogger(options: {
  readonly mode: 'scenario' | 'serve';
  readonly verbose: boolean;
  readonly color: boolean;
  readonly level?: string | undefined;
}): DemoLogger {
  const pretty = options.mode === 'serve' || options.verbose;
  const level = options.level ?? (options.mode === 'serve' && !options.verbose ? 'error' : 'info');
  if (pretty) {
    const stream = prettyStream({
      destination: 2,
      colorize: options.color,
      ignore: 'pid,hostname',
      sync: true,
    });
    return { logger: pino({ level }, stream), destination: 'stderr' };
  }
  const file = join(tmpdir(), `rel-demo-${process.pid}.log`);
  return { logger: pino({ level }, pino.destination({ dest: file, sync: true })), destination: file };
}
