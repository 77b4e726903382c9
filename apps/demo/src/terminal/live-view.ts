import { stripVTControlCharacters } from 'node:util';

/** Where the view writes: a stream-like sink (stdout, or a buffer in tests). */
export interface TerminalOutput {
  write(text: string): unknown;
  /** A TTY gets a progress line rewritten in place; anything else gets it every few seconds. */
  readonly isTTY?: boolean;
  /** Width of a TTY (the progress line is cut to it). */
  readonly columns?: number;
}

/**
 * The scenario's terminal view: notable lines scroll, and one progress line stays at the
 * bottom. On a TTY the progress line is redrawn in place (cleared before each notable
 * line); elsewhere (a pipe, a file, CI) it is printed as a normal line at most every
 * `plainEveryMs`, so logs stay readable.
 *
 * @example
 * ```ts
 * const view = new LiveView(process.stdout);
 * view.line('phase outage');
 * view.progress('12.0s outage | openai open');
 * view.end();
 * ```
 */
export class LiveView {
  private readonly out: TerminalOutput;
  private readonly plainEveryMs: number;
  private shown = false;
  private lastPlain = -Infinity;

  /** @param plainEveryMs - progress interval without a TTY. @defaultValue 5000 */
  constructor(out: TerminalOutput, plainEveryMs = 5_000) {
    this.out = out;
    this.plainEveryMs = plainEveryMs;
  }

  /** Prints a line above the progress line. */
  line(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
  }

  /** Replaces the progress line (TTY), or prints it when due (elsewhere). */
  progress(text: string, now: number): void {
    if (this.out.isTTY === true) {
      const width = Math.max(20, (this.out.columns ?? 100) - 1);
      this.clear();
      this.out.write(cut(text, width));
      this.shown = true;
    } else if (now - this.lastPlain >= this.plainEveryMs) {
      this.lastPlain = now;
      this.out.write(`${text}\n`);
    }
  }

  /** Removes the progress line (before the final report). */
  end(): void {
    this.clear();
  }

  private clear(): void {
    if (!this.shown) return;
    this.out.write('\r\x1b[2K');
    this.shown = false;
  }
}

const ESC = '\u001b';

/**
 * `text` cut to `width` visible columns, colour codes (`ESC [ ... m`) kept and not counted,
 * with an ellipsis (and a colour reset) when something was cut.
 */
export function cut(text: string, width: number): string {
  if (stripVTControlCharacters(text).length <= width) return text;
  let out = '';
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ESC) {
      const end = text.indexOf('m', i);
      if (end < 0) break;
      out += text.slice(i, end + 1);
      i = end;
    } else if (visible < width - 1) {
      out += text[i];
      visible++;
    }
  }
  return text.includes(ESC) ? `${out}…${ESC}[0m` : `${out}…`;
}
