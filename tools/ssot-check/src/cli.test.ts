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

describe('the ssot-check command line', () => {
  it('exits 1 with file:line findings, 0 on clean code, 2 on bad arguments', async () => {
    const [flagged, clean, help, unknown, missingPath, missingValue, badAllowlist] = await Promise.all([
      run(['fixtures/flagged']),
      run(['fixtures/clean']),
      run(['--help']),
      run(['--bogus']),
      run(['no-such-dir']),
      run(['--root']),
      run(['--allowlist', 'fixtures/bad-allowlist.json', 'fixtures/clean']),
    ]);
    expect(flagged.code).toBe(1);
    expect(flagged.stdout).toMatch(/^fixtures\/flagged\/[\w.-]+\.ts:\d+:\d+ {2}retry-loop /m);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/0 finding\(s\)/);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: rel-ssot-check');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
    expect(missingPath.code).toBe(2);
    expect(missingPath.stderr).toContain('no such path under');
    expect(missingPath.stderr).toContain('no-such-dir');
    expect(missingValue.code).toBe(2);
    expect(missingValue.stderr).toContain("'--root <value>' argument missing");
    expect(badAllowlist.code).toBe(2);
    expect(badAllowlist.stderr).toMatch(
      /invalid allowlist .*bad-allowlist\.json:\n {2}- entries\.0\.reason: /,
    );
    expect(badAllowlist.stderr).not.toContain('    at ');
  });
});
