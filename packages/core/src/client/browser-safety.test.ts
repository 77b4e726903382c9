import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Walks the static import graph of `@rel/core/client` (following `@rel/*` packages into
// their sources) and checks that nothing in it needs Node at import time.
const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = resolve(here, '../../..');
const WORKSPACE: Record<string, string> = {
  '@rel/config': resolve(packagesDir, 'config/src/index.ts'),
  '@rel/retry': resolve(packagesDir, 'retry/src/index.ts'),
};
const BROWSER_SAFE_PACKAGES = new Set(['zod']);
const NODE_ONLY = new Set([...builtinModules, 'ws', 'pino', 'prom-client']);

// `import x from`, `import { a } from`, `export { a } from`, `export * from`, `import 'x'`;
// `import type` / `export type` are erased by the compiler and skipped.
const STATIC = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function walk(entry: string): { files: string[]; packages: Set<string>; dynamic: string[] } {
  const files: string[] = [];
  const packages = new Set<string>();
  const dynamic: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(DYNAMIC)) dynamic.push(`${file}: ${spec!}`);
    for (const [, spec] of source.matchAll(STATIC)) {
      if (spec!.startsWith('.')) queue.push(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')));
      else if (WORKSPACE[spec!] !== undefined) queue.push(WORKSPACE[spec!]!);
      else packages.add(spec!.startsWith('node:') ? spec! : spec!.split('/')[0]!);
    }
  }
  return { files, packages, dynamic };
}

describe('@rel/core/client is browser-safe', () => {
  const graph = walk(resolve(here, 'index.ts'));

  it('imports no Node built-in and no Node-only package, directly or through @rel/config', () => {
    const nodeOnly = [...graph.packages].filter((p) => p.startsWith('node:') || NODE_ONLY.has(p));
    expect(nodeOnly).toEqual([]);
    expect([...graph.packages].filter((p) => !BROWSER_SAFE_PACKAGES.has(p))).toEqual([]);
    expect(graph.files.some((f) => f.endsWith('/ws/event-server.ts'))).toBe(false);
    expect(graph.files.some((f) => f.includes('/config/src/'))).toBe(true); // the walk did follow @rel/config
  });

  it('uses no Node-only global at import time (Buffer, process without a guard)', () => {
    for (const file of graph.files) {
      // Comments may mention anything; only code counts.
      const source = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(`${file}: ${/\bBuffer\./.test(source)}`).toBe(`${file}: false`);
      expect(`${file}: ${/(?<!globalThis\.)\bprocess\./.test(source)}`).toBe(`${file}: false`);
    }
  });

  it('has no dynamic import of a Node module either (bundlers resolve those too)', () => {
    expect(graph.dynamic.filter((entry) => /: (node:|ws$|pino$|prom-client$)/.test(entry))).toEqual([]);
  });

  it('bundles for the browser with esbuild, no externals', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [resolve(here, 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      conditions: ['@rel/source'],
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from ["']node:|require\(["']node:/);
  });
});
