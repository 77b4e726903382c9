import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs the CLI in its own Node process (through tsx), from the package folder. */
function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { cwd: root, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) =>
        done({ code: error === null ? 0 : ((error.code as number | undefined) ?? 1), stdout, stderr }),
    );
  });
}

describe('the codemod command line', () => {
  it('dry-runs a report without writing, and exits 2 naming what is wrong with bad arguments', async () => {
    const [dry, help, unknown, none, missing, both] = await Promise.all([
      run(['fixtures/retry-manager.ts']),
      run(['--help']),
      run(['--bogus', 'fixtures']),
      run([]),
      run(['no-such-dir']),
      run(['--write', '--dry-run', 'fixtures']),
    ]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('fixtures/retry-manager.ts (would change)');
    expect(dry.stdout).toMatch(/^dry run \(nothing written\): /m);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: rel-codemod');
    expect([unknown, none, missing, both].map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(unknown.stderr).toContain('unknown option --bogus');
    expect(none.stderr).toContain('no paths given');
    expect(missing.stderr).toContain('no such file or directory: no-such-dir');
    expect(both.stderr).toContain('--write and --dry-run exclude each other');
  });
});
