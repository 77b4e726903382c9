import { RelConfigError, suggest, type ValidationIssue } from '@rel/config';

/** What `npm run demo -- <flags>` asked for. */
export interface DemoArgs {
  /** Keep running with the web page instead of the scripted scenario. */
  readonly serve: boolean;
  /** Port of serve mode (127.0.0.1 only). */
  readonly port: number;
  /** Seed of the upstream's faults, the conversations and @rel's jitter. */
  readonly seed: number;
  /** Colour on a TTY (off with `--no-color` or `NO_COLOR`). */
  readonly color: boolean;
  /** @rel's logs pretty-printed on stderr instead of a log file. */
  readonly verbose: boolean;
  readonly help: boolean;
}

/** The default port of serve mode. */
export const DEFAULT_PORT = 4800;

const FLAGS = ['--serve', '--port', '--seed', '--no-color', '--verbose', '--help'] as const;
const WITH_VALUE = new Set(['--port', '--seed']);

/** The usage text of `--help`. */
export const USAGE = `Usage: npm run demo [-- <options>]

  (no option)     the scripted scenario (at most 60 s), then a report; exit 0 when every invariant holds
  --serve         keep running with a web page at http://127.0.0.1:<port>
  --port <n>      port of --serve (default: $PORT, else ${DEFAULT_PORT}); 0 picks a free one
  --seed <n>      seed of the faults, conversations and jitter (default 1)
  --no-color      no colours (also NO_COLOR=1)
  --verbose       @rel's logs (pino) pretty on stderr instead of a log file
  --help          this text

Environment: REL__<SERVICE>__<SECTION>__<FIELD> overrides apps/demo/rel.config.json,
e.g. REL__OPENAI__RETRY__MAX_ATTEMPTS=2; LOG_LEVEL sets the log level.`;

function integer(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
  issues: ValidationIssue[],
): number | undefined {
  const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  issues.push({ path: flag, received: raw, expected: `an integer from ${min} to ${max}` });
  return undefined;
}

/**
 * Parses the demo's command line (`--flag value` or `--flag=value`) and `PORT`.
 *
 * @throws `RelConfigError` listing every unknown flag (with a "did you mean"), missing or
 *   bad value, and what is allowed.
 * @example
 * ```ts
 * parseArgs(['--serve', '--port', '4900'], {}); // { serve: true, port: 4900, ... }
 * ```
 */
export function parseArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DemoArgs {
  const issues: ValidationIssue[] = [];
  const values = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (!(FLAGS as readonly string[]).includes(flag)) {
      const suggestion = suggest(flag, FLAGS);
      issues.push({
        path: flag,
        received: arg,
        expected: `one of ${FLAGS.join(', ')}`,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
      continue;
    }
    if (WITH_VALUE.has(flag)) values.set(flag, inline ?? argv[++i]);
    else if (inline !== undefined)
      issues.push({ path: flag, received: arg, expected: `${flag} without a value` });
    else values.set(flag, undefined);
  }
  const port = values.has('--port')
    ? integer('--port', values.get('--port'), 0, 65_535, issues)
    : env['PORT'] !== undefined && env['PORT'] !== ''
      ? integer('PORT', env['PORT'], 0, 65_535, issues)
      : DEFAULT_PORT;
  const seed = values.has('--seed') ? integer('--seed', values.get('--seed'), 0, 2 ** 31 - 1, issues) : 1;
  if (issues.length > 0) throw new RelConfigError(issues, 'demo command line');
  return {
    serve: values.has('--serve'),
    port: port!,
    seed: seed!,
    color: !values.has('--no-color'),
    verbose: values.has('--verbose'),
    help: values.has('--help'),
  };
}
