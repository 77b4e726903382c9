import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
// `import x from`, `export { a } from`, `import 'x'`; `import type` is erased and skipped.
const STATIC = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Packages the root entry imports statically, following its own relative imports. */
function staticPackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC)) {
      if (spec!.startsWith('.')) queue.push(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')));
      else packages.add(spec!);
    }
  }
  return packages;
}

describe('@rel/core root entry', () => {
  it('exports the manager, instances, agents, runs, events and logging by name', () => {
    for (const name of [
      'ReliabilityManager',
      'ReliabilityInstance',
      'getDefaultManager',
      'setDefaultManager',
      'AgentReliabilityWrapper',
      'AgentRun',
      'EventDispatcher',
      'MemoryEventSink',
      'AgentEventSchema',
      'Bulkhead',
      'REDACT_PATHS',
      'defaultLogger',
      'serviceLogger',
      'toWireJson',
      'WebSocketEventServer',
    ])
      expect(typeof (core as Record<string, unknown>)[name], name).not.toBe('undefined');
  });

  it('never imports prom-client or @rel/health/prometheus statically (prom-client is an optional peer)', () => {
    const packages = staticPackages(resolve(here, 'index.ts'));
    expect(packages.has('prom-client')).toBe(false);
    expect(packages.has('@rel/health/prometheus')).toBe(false);
    expect(packages.has('@rel/health')).toBe(true); // the walk did follow the manager
  });
});
