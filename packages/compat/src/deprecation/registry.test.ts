import { describe, expect, it } from 'vitest';
import { DEPRECATION_CODES, DEPRECATIONS, REMOVAL_VERSION } from './registry.js';

describe('the deprecation registry', () => {
  it('numbers codes REL_DEP001, REL_DEP002, ... with no gap and no reuse', () => {
    expect(DEPRECATION_CODES.length).toBeGreaterThanOrEqual(34);
    DEPRECATION_CODES.forEach((code, i) => {
      expect(code).toBe(`REL_DEP${String(i + 1).padStart(3, '0')}`);
      expect(DEPRECATIONS[code].code).toBe(code);
    });
    expect(new Set(DEPRECATION_CODES.map((c) => DEPRECATIONS[c].name)).size).toBe(DEPRECATION_CODES.length);
  });

  it('names a replacement, a legacy module and the removal version for every code', () => {
    for (const code of DEPRECATION_CODES) {
      const d = DEPRECATIONS[code];
      expect(d.removeIn).toBe(REMOVAL_VERSION);
      expect(d.replacement.length).toBeGreaterThan(10);
      expect(d.module).toMatch(/^[a-z-]+$/);
      expect(Object.isFrozen(d)).toBe(true);
    }
    expect(REMOVAL_VERSION).toBe('2.0.0');
  });
});

describe('the README table', () => {
  it('lists every code with its legacy name and replacement', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const code of DEPRECATION_CODES) {
      const d = DEPRECATIONS[code];
      const row = readme.split('\n').find((line) => line.includes(`\`${code}\``));
      expect(row, code).toBeDefined();
      expect(row).toContain(d.name.replaceAll('*', '\\*'));
      expect(row).toContain(`\`${d.module}\``);
    }
  });
});
