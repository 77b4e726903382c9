// The run as a whole: the dry run changes nothing and reports exactly what --write then does;
// a second run changes nothing; every legacy site left has its TODO(rel-migrate) line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodemodReport } from './codemod.js';
import { copyFixtures, migrate, removeCopy, snapshot } from './migrated-fixtures.js';
import { formatReport } from './report.js';

let dir: string;
let original: Record<string, string>;
let dry: CodemodReport;
let written: CodemodReport;
let second: CodemodReport;
let afterWrite: Record<string, string>;

beforeAll(async () => {
  dir = copyFixtures('run');
  original = snapshot(dir);
  dry = await migrate(dir, false);
  expect(snapshot(dir)).toEqual(original);
  written = await migrate(dir, true);
  afterWrite = snapshot(dir);
  second = await migrate(dir, true);
}, 60_000);
afterAll(() => removeCopy(dir));

const legacyNames = (text: string): number =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .match(/\b(RetryManager|BackoffStrategy|RetryHandler|withRetry)\b/g)?.length ?? 0;

describe('dry run', () => {
  it('writes nothing and reports what --write does, site for site', () => {
    expect(dry.write).toBe(false);
    expect(dry.files.map(({ path, changed, sites }) => ({ path, changed, sites }))).toEqual(
      written.files.map(({ path, changed, sites }) => ({ path, changed, sites })),
    );
    expect(dry.totals).toEqual(written.totals);
  });

  it('counts every legacy site of the fixtures, converted or left', () => {
    expect(dry.scanned).toBe(4);
    expect(dry.totals).toEqual({ sites: 31, converted: 24, left: 7, changedFiles: 4 });
    const unconvertible = dry.files.find((f) => f.path === 'unconvertible.ts')!;
    expect(unconvertible.sites.every((s) => s.status === 'left')).toBe(true);
    expect(unconvertible.sites.map((s) => s.detail)).toEqual([
      '`RetryManager` is used as a type; the canonical one goes with getDefaultManager().get(name, { retry }).run(op) from @rel/core (retry config from @rel/config, in ms)',
      '`new RetryManager({ maxAttempts: attempts })` is not held in a const or a private field',
      'non-literal configuration: a dynamic option object (spread, shorthand or method)',
      'RetryManager#getRetryStatistics() has no canonical counterpart the codemod can write',
      'a per-call errorClassifier (3rd argument) is a rule of its own; move it into retryOn/neverRetryOn',
      'withRetry (@rel/compat/async-retry-logic) is not converted by the codemod; use ReliabilityInstance#execute (@rel/core) or UnifiedRetryHandler#execute (@rel/retry) (REL_DEP027)',
      '`BackoffStrategy` is used in a way the codemod cannot rewrite (it converts const/private-field objects whose every use is a supported call, and withEnhancedRetry(strategy)(fn))',
    ]);
  });

  it('prints files, sites, profiles and totals', () => {
    const text = formatReport(dry);
    expect(text).toContain('retry-manager.ts (would change)');
    expect(text).toMatch(/5:20 +converted +RetryManager: new RetryManager\(\{ maxAttempts: 4/);
    expect(text).toContain("linearProfile -> 'retry_manager.linear'");
    expect(text).toContain("guardedProfile -> 'llm_retry_circuit'");
    expect(text.split('\n').at(-1)).toBe(
      'dry run (nothing written): 4 files with legacy imports of 4 scanned; 31 sites: 24 converted, 7 left (TODO(rel-migrate)); 4 files would change',
    );
  });
});

describe('--write', () => {
  it('leaves no legacy import where every site converted', () => {
    for (const file of ['retry-manager.ts', 'reliability-retry.ts', 'enhanced-retry.ts']) {
      expect(afterWrite[file]).not.toContain('@rel/compat');
      expect(afterWrite[file]).not.toContain('TODO(rel-migrate)');
      expect(afterWrite[file]).toContain("from '@rel/core'");
    }
  });

  it('writes one TODO(rel-migrate) per left site and reason, above its statement', () => {
    const text = afterWrite['unconvertible.ts']!;
    const todos = text.split('\n').filter((l) => l.includes('// TODO(rel-migrate):'));
    const left = written.files.find((f) => f.path === 'unconvertible.ts')!.sites;
    expect(todos.map((l) => l.trim().replace('// TODO(rel-migrate): ', ''))).toEqual(
      left.map((s) => s.detail),
    );
    // the legacy names stay exactly where they were reported
    expect(legacyNames(text)).toBe(legacyNames(original['unconvertible.ts']!));
    // the existing @rel/core import gains nothing (nothing in this file was converted)
    expect(text).toContain("import { getDefaultManager } from '@rel/core';");
  });

  it('merges the canonical imports into one import per module', () => {
    const text = afterWrite['retry-manager.ts']!;
    expect(text.match(/from '@rel\/config'/g)).toHaveLength(1);
    expect(text.match(/from '@rel\/core'/g)).toHaveLength(1);
  });
});

describe('a second run', () => {
  it('changes nothing and converts nothing more', () => {
    expect(snapshot(dir)).toEqual(afterWrite);
    expect(second.totals).toEqual({ sites: 7, converted: 0, left: 7, changedFiles: 0 });
    expect(readFileSync(join(dir, 'unconvertible.ts'), 'utf8')).toBe(afterWrite['unconvertible.ts']);
  });
});
