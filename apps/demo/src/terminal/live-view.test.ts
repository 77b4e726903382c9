import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cut, LiveView } from './live-view.js';
import { stylist } from './style.js';

function sink(isTTY: boolean): {
  out: { write(t: string): void; isTTY: boolean; columns: number };
  text: () => string;
} {
  let text = '';
  return { out: { write: (t: string) => void (text += t), isTTY, columns: 40 }, text: () => text };
}

describe('LiveView', () => {
  it('on a TTY redraws the progress line in place and clears it before each notable line', () => {
    const { out, text } = sink(true);
    const view = new LiveView(out);
    view.progress('progress 1', 0);
    view.progress('progress 2', 10);
    view.line('breaker open');
    view.end();
    expect(text()).toBe('progress 1\r\x1b[2Kprogress 2\r\x1b[2Kbreaker open\n');
  });

  it('elsewhere prints the progress as plain lines, at most every plainEveryMs', () => {
    const { out, text } = sink(false);
    const view = new LiveView(out, 5_000);
    view.progress('p0', 0);
    view.progress('p1', 4_999);
    view.line('note');
    view.progress('p2', 5_000);
    expect(text()).toBe('p0\nnote\np2\n');
  });

  it('cuts a TTY progress line to the terminal width', () => {
    const { out, text } = sink(true);
    new LiveView(out).progress('x'.repeat(100), 0);
    expect(text()).toBe(`${'x'.repeat(38)}…`);
  });
});

describe('cut', () => {
  it('keeps colour codes, counts only visible characters and resets the colour after cutting', () => {
    const style = stylist(true);
    const text = `${style('red', 'open')} and ${style('green', 'closed')}`;
    expect(cut(text, 100)).toBe(text);
    const short = cut(text, 7);
    expect(stripVTControlCharacters(short)).toBe('open a…');
    expect(short.endsWith('\x1b[0m')).toBe(true);
  });

  it('property: the visible text is a prefix of the original and fits the width', () => {
    const style = stylist(true);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.boolean())),
        fc.integer({ min: 2, max: 60 }),
        (parts, width) => {
          const text = parts.map(([s, coloured]) => (coloured ? style('blue', s) : s)).join('');
          const plain = stripVTControlCharacters(text);
          const visible = stripVTControlCharacters(cut(text, width));
          expect(visible.length).toBeLessThanOrEqual(
            Math.max(width, plain.length <= width ? plain.length : width),
          );
          if (plain.length <= width) expect(visible).toBe(plain);
          else expect(plain.startsWith(visible.slice(0, -1))).toBe(true);
        },
      ),
    );
  });
});
