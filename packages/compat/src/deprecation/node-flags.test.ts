import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('../../test/scripts/legacy-process.ts', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the legacy script in a real Node process (tsx, source conditions) with `flags`. */
function node(flags: readonly string[], mode: 'use' | 'import-only'): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...flags, '--conditions=@rel/source', '--import', 'tsx', script, mode],
      { cwd: packageDir, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'silent' } },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : ((error.code as number | undefined) ?? 1), stdout, stderr }),
    );
  });
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('deprecation warnings in a real Node process', () => {
  it('warn once per code on use, never at import; --no-deprecation silences; --throw-deprecation throws', async () => {
    const [plain, imported, silent, throwing] = await Promise.all([
      node([], 'use'),
      node([], 'import-only'),
      node(['--no-deprecation'], 'use'),
      node(['--throw-deprecation'], 'use'),
    ]);

    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('used 2 2\n');
    expect(count(plain.stderr, '[REL_DEP001] DeprecationWarning: RetryManager')).toBe(1);
    expect(count(plain.stderr, '[REL_DEP002] DeprecationWarning: BackoffStrategy')).toBe(1);
    expect(count(plain.stderr, 'DeprecationWarning')).toBe(2);

    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^imported \d+\n$/);
    expect(imported.stderr).not.toContain('DeprecationWarning');

    expect(silent.code).toBe(0);
    expect(silent.stdout).toBe('used 2 2\n');
    expect(silent.stderr).not.toContain('DeprecationWarning');

    // Node throws the first DeprecationWarning as an uncaught exception on the next tick
    // (after the warnings before it were logged), so the process fails with it.
    expect(throwing.code).not.toBe(0);
    expect(throwing.stderr).toMatch(/DeprecationWarning: BackoffStrategy[^\n]*2\.0\.0/);
    expect(throwing.stderr).toContain("code: 'REL_DEP002'");
  });
});
