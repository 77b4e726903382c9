#!/usr/bin/env -S node --import tsx
// rel-ssot-check [--root <dir>] [--allowlist <file>] [--json] [paths...]
// Prints file:line:column findings of reliability logic outside the canonical packages and
// exits 1 when there are any (or when an allowlist entry waives nothing: a stale waiver
// would hide the next violation).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyAllowlist, readAllowlist } from './allowlist.js';
import { scan } from './scan.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const json = args.includes('--json');
if (json) args.splice(args.indexOf('--json'), 1);
const root = resolve(option('--root') ?? process.cwd());
const allowlistPath = option('--allowlist') ?? resolve(root, 'ssot-allowlist.json');
const paths =
  args.length > 0 ? args : ['packages', 'apps', 'tools'].filter((p) => existsSync(resolve(root, p)));

const { findings, filesScanned } = scan(root, paths);
const entries = existsSync(allowlistPath) ? readAllowlist(allowlistPath) : [];
const { kept, stale } = applyAllowlist(findings, entries);

if (json) {
  process.stdout.write(`${JSON.stringify({ filesScanned, findings: kept, stale }, null, 2)}\n`);
} else {
  for (const f of kept) process.stdout.write(`${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.message}\n`);
  for (const e of stale)
    process.stdout.write(
      `ssot-allowlist: entry "${e.path}" (${e.rules.join(', ')}) waives nothing; remove it\n`,
    );
  process.stdout.write(
    `ssot-check: ${filesScanned} files, ${kept.length} finding(s), ${findings.length - kept.length} allowlisted, ${stale.length} stale allowlist entr${stale.length === 1 ? 'y' : 'ies'}\n`,
  );
}
process.exit(kept.length > 0 || stale.length > 0 ? 1 : 0);
