import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyAllowlist, readAllowlist } from './allowlist.js';
import { scan, scanSource } from './scan.js';

const root = new URL('../', import.meta.url).pathname;

/** Expected findings: the `// ssot: <rule>` markers in the fixtures. */
function markers(dir: string): string[] {
  return readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url))
    .sort()
    .flatMap((name) =>
      readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          [...line.matchAll(/\/\/ ssot: ([a-z-]+)/g)].map((m) => `fixtures/${dir}/${name}:${i + 1}:${m[1]}`),
        ),
    );
}

describe('ssot-check', () => {
  it('finds exactly the marked true patterns (at least 10)', () => {
    const expected = markers('flagged');
    expect(expected.length).toBeGreaterThanOrEqual(10);
    const { findings } = scan(root, ['fixtures/flagged']);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.rule}`).sort()).toEqual(expected.sort());
  });

  it('stays quiet on look-alikes (at least 10)', () => {
    const text = readFileSync(new URL('../fixtures/clean/look-alikes.ts', import.meta.url), 'utf8');
    expect([...text.matchAll(/^\/\/ \d+\./gm)].length).toBeGreaterThanOrEqual(10);
    expect(scan(root, ['fixtures/clean']).findings).toEqual([]);
  });

  it('reports file, line, column, rule and a message that names the replacement', () => {
    const [finding] = scanSource("import retry from 'p-retry';\n", 'src/x.ts');
    expect(finding).toEqual({
      rule: 'reliability-library',
      file: 'src/x.ts',
      line: 1,
      column: 1,
      message: 'imports p-retry, a second reliability library; use the @rel packages',
    });
  });

  it('waives allowlisted findings and reports stale entries', () => {
    const { findings } = scan(root, ['fixtures/flagged']);
    const { kept, stale } = applyAllowlist(findings, [
      {
        path: 'fixtures/flagged/libraries.ts',
        rules: ['reliability-library', 'deprecated-import'],
        reason: 'a test of the allowlist',
      },
      { path: 'fixtures/none/**', rules: ['retry-loop'], reason: 'waives nothing at all' },
    ]);
    expect(kept.some((f) => f.file.endsWith('libraries.ts'))).toBe(false);
    expect(kept.length).toBe(findings.length - 7);
    expect(stale.map((e) => e.path)).toEqual(['fixtures/none/**']);
  });

  it('rejects an allowlist entry without a reason', () => {
    expect(() => readAllowlist(new URL('../fixtures/bad-allowlist.json', import.meta.url).pathname)).toThrow(
      /entries.0.reason: give a real reason/,
    );
  });
});
