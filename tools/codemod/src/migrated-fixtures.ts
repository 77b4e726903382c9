import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCodemod, type CodemodReport } from './codemod.js';

/** The codemod package folder and its legacy fixtures. */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES_DIR = join(PACKAGE_DIR, 'fixtures');

/** The fixture files (legacy call sites), by name. */
export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort();
}

/**
 * A copy of the fixtures inside the package (so `@rel/*` resolve as in the repository),
 * under the git-ignored `.migrated/`. Tests migrate it and remove it afterwards.
 */
export function copyFixtures(name: string): string {
  const dir = join(PACKAGE_DIR, '.migrated', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(FIXTURES_DIR, dir, { recursive: true });
  return dir;
}

/** Removes a copy made by {@link copyFixtures}. */
export function removeCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file of a folder with its text (to compare before and after a run). */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fixtureFiles().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** Runs the codemod over a folder (quietly: reading legacy configs warns through compat). */
export async function migrate(dir: string, write: boolean): Promise<CodemodReport> {
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    return await runCodemod({ paths: [dir], write, cwd: dir });
  } finally {
    process.noDeprecation = quiet === true;
  }
}

/**
 * Type-checks a folder with the repository's strict settings (`tsc` over a tsconfig that
 * extends the base one). Returns tsc's output, empty when clean.
 */
export function typecheck(dir: string): { ok: boolean; output: string } {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../../../../tsconfig.base.json', include: ['*.ts'] }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
