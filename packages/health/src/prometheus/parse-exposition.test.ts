import { describe, expect, it } from 'vitest';
import { parseExposition } from './parse-exposition.test-helper.js';

describe('parseExposition (the test parser itself)', () => {
  it('parses help, types, escaped label values, special values and histogram suffixes', () => {
    const text = [
      '# HELP x_total A "counter" with a \\\\ and a\\nnewline.',
      '# TYPE x_total counter',
      'x_total{a="q\\"uote",b="back\\\\slash",c="new\\nline"} 3',
      '# TYPE h histogram',
      'h_bucket{le="+Inf"} 2',
      'h_sum 1.5e-3',
      'h_count 2',
      '# a comment',
      '# TYPE g gauge',
      'g NaN',
      'g{x="1"} -Inf 1700000000000',
      'h_bucket{le="1"} 1',
      '',
    ].join('\n');
    const families = parseExposition(text);
    expect(families.get('x_total')).toEqual({
      name: 'x_total',
      help: 'A "counter" with a \\ and a\nnewline.',
      type: 'counter',
      samples: [{ name: 'x_total', labels: { a: 'q"uote', b: 'back\\slash', c: 'new\nline' }, value: 3 }],
    });
    expect(families.get('h')?.samples.map((s) => [s.name, s.value])).toEqual([
      ['h_bucket', 2],
      ['h_sum', 0.0015],
      ['h_count', 2],
      ['h_bucket', 1],
    ]);
    expect(families.get('h')?.samples[0]?.labels).toEqual({ le: '+Inf' });
    expect(families.get('g')?.samples.map((s) => s.value)).toEqual([Number.NaN, -Infinity]);
  });

  it('throws on malformed input', () => {
    for (const bad of [
      'orphan 1',
      '# TYPE x counter\nx{a=1} 1',
      '# TYPE x counter\nx{a="1"',
      '# TYPE x counter\nx{a="1" b="2"} 1',
      '# TYPE x counter\nx one',
      '# TYPE x counter\nx{a="1",a="2"} 1',
      '# TYPE x countr',
    ]) {
      expect(() => parseExposition(bad)).toThrow();
    }
  });
});
