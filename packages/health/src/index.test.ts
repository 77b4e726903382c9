import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as health from './index.js';
import * as prometheus from './prometheus/index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every source file reachable from `entry` through relative imports, and every bare import. */
function imports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)) {
      if (spec!.startsWith('.')) visit(join(dirname(file), spec!.replace(/\.js$/, '.ts')));
      else packages.add(spec!);
    }
  };
  visit(join(here, entry));
  return { files, packages };
}

describe('entry points', () => {
  it('the root entry never reaches prom-client; the prometheus entry does', () => {
    expect([...imports('index.ts').packages].sort()).toEqual(['@rel/config', 'zod']);
    expect(imports('prometheus/index.ts').packages).toContain('prom-client');
  });

  it('export the documented API', () => {
    expect(Object.keys(health)).toEqual(
      expect.arrayContaining([
        'ReliabilityHealthTracker',
        'HealthRegistry',
        'healthScore',
        'nextStatus',
        'toHealthJson',
        'HealthJsonSchema',
        'HEALTH_JSON_CONTENT_TYPE',
      ]),
    );
    expect(Object.keys(prometheus).sort()).toEqual([
      'DEFAULT_DURATION_BUCKETS',
      'HealthMetrics',
      'LabelLimiter',
      'OVERFLOW_LABEL',
    ]);
  });
});
