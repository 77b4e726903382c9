import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import type { Finding } from './finding.js';
import { findBreakerStates } from './rules/breaker-state.js';
import { findDeprecatedImports, findLibraryImports } from './rules/imports.js';
import { findRetryLoops } from './rules/retry-loop.js';

const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', '.turbo', '.git', 'test-results']);
const SOURCE = /\.(ts|tsx|mts|cts)$/;

function* files(path: string): Generator<string> {
  if (statSync(path).isFile()) {
    if (SOURCE.test(path) && !path.endsWith('.d.ts')) yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (!SKIP_DIRS.has(entry)) yield* files(join(path, entry));
  }
}

/** Runs every rule over one source text. */
export function scanSource(text: string, relPath: string): Finding[] {
  const file = ts.createSourceFile(relPath, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return [
    ...findRetryLoops(file, relPath),
    ...findBreakerStates(file, relPath),
    ...findLibraryImports(file, relPath),
    ...findDeprecatedImports(file, relPath),
  ];
}

/** Scans every TypeScript file under `paths` (relative to `root`). Findings are sorted by file and line. */
export function scan(root: string, paths: readonly string[]): { findings: Finding[]; filesScanned: number } {
  const findings: Finding[] = [];
  let filesScanned = 0;
  for (const path of paths) {
    for (const file of files(join(root, path))) {
      filesScanned++;
      const rel = relative(root, file).split(sep).join('/');
      findings.push(...scanSource(readFileSync(file, 'utf8'), rel));
    }
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { findings, filesScanned };
}
