import { relative } from 'node:path';
import { styleText } from 'node:util';

/** The styles the terminal view uses. */
export type StyleName = 'dim' | 'bold' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan';

/** Colours text when enabled; returns it as is otherwise (pipes, files, `NO_COLOR`). */
export type Stylist = (style: StyleName | readonly StyleName[], text: string) => string;

/**
 * A {@link Stylist} over Node's `util.styleText`, or the identity when `enabled` is false.
 *
 * @example
 * ```ts
 * const style = stylist(process.stdout.isTTY && !process.env.NO_COLOR);
 * style('green', 'ok');
 * ```
 */
export function stylist(enabled: boolean): Stylist {
  if (!enabled) return (_style, text) => text;
  // The caller decided (see `wantsColor`): do not let styleText look at stdout again.
  return (style, text) =>
    styleText(typeof style === 'string' ? style : [...style], text, { validateStream: false });
}

/** Whether to colour a stream: a TTY, and neither `NO_COLOR` nor `TERM=dumb`. */
export function wantsColor(
  stream: { readonly isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return stream.isTTY === true && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb';
}

/** `12.3s`: elapsed time as the terminal view prints it. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).padStart(4)}s`;
}

/** Colour of a breaker state. */
export function breakerStyle(state: string): StyleName {
  return state === 'closed'
    ? 'green'
    : state === 'half_open'
      ? 'yellow'
      : state === 'disabled'
        ? 'dim'
        : 'red';
}

/** Colour of a health status. */
export function healthStyle(status: string): StyleName {
  return status === 'healthy' ? 'green' : status === 'degraded' ? 'yellow' : 'red';
}

/** A path as short as the reader needs it: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}
