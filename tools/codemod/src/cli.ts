#!/usr/bin/env -S node --import tsx
// rel-codemod [--dry-run] [--write] [--json] <paths...>
// Moves legacy @rel/compat call sites to the canonical @rel API (see the README).
//
// The codemod reads legacy configurations through @rel/compat itself, so it runs on the
// workspace sources (the `@rel/source` export condition) whether or not the packages are
// built: this launcher starts main.ts in a Node process with that condition.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CONDITION = '--conditions=@rel/source';
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const execArgv = process.execArgv.includes(CONDITION) ? process.execArgv : [...process.execArgv, CONDITION];
const child = spawnSync(process.execPath, [...execArgv, main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exitCode = child.status ?? 1;
